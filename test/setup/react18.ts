import { version } from 'react';
import { version as domVersion } from 'react-dom';

// The react18 project must really run React 18: a broken alias would quietly test React 19 twice.
if (!version.startsWith('18.') || domVersion !== version) {
  throw new Error(`the react18 project runs react ${version} and react-dom ${domVersion}, not 18`);
}
