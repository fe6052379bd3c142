import type { CognitoUser } from 'react-cognito-sso';
import { Link, NavLink } from 'react-router';
import { AvatarMenu } from './AvatarMenu.js';
import { BrandLogo } from './BrandLogo.js';

/** OpenMetadata's top bar: brand, main navigation, and the user's avatar menu. */
export function TopBar({ user }: { user: CognitoUser }) {
  return (
    <header className="top-bar">
      <Link to="/" className="top-bar-brand" aria-label="Data Catalog home">
        <BrandLogo />
      </Link>
      <nav aria-label="Main">
        <ul className="nav-links">
          <li>
            <NavLink to="/" end>
              My Data
            </NavLink>
          </li>
          <li>
            <NavLink to="/explore">Explore</NavLink>
          </li>
          <li>
            <NavLink to="/settings">Settings</NavLink>
          </li>
        </ul>
      </nav>
      <AvatarMenu user={user} />
    </header>
  );
}
