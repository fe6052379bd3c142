import { useEffect, useId, useRef, useState } from 'react';
import { useAuth } from 'react-cognito-sso';
import type { CognitoUser } from 'react-cognito-sso';
import { Link } from 'react-router';
import { displayName } from '../displayName.js';
import { errorMessage } from '../errorMessage.js';
import { Avatar } from './Avatar.js';
import { GroupList } from './GroupList.js';

/**
 * The avatar button of the top bar and its panel: name, email, groups, a link to the profile and "Sign out"
 * (no `/logout` entry in the history, so Back after sign-out cannot sign out again). Closes on Escape (focus back
 * on the button) and on a click outside.
 */
export function AvatarMenu({ user }: { user: CognitoUser }) {
  const { signOut } = useAuth();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const name = displayName(user);

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointerDown = (event: PointerEvent): void => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  return (
    <div className="avatar-menu" ref={container}>
      <button
        ref={button}
        type="button"
        className="avatar-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <Avatar name={name} />
        <span className="avatar-button-name">
          <span className="visually-hidden">Account: </span>
          {name}
        </span>
      </button>
      <div id={panelId} className="avatar-panel" hidden={!open}>
        <div className="avatar-panel-header">
          <Avatar name={name} size="large" />
          <div>
            <p className="avatar-panel-name">{name}</p>
            <p className="muted">{user.email ?? 'No email'}</p>
          </div>
        </div>
        <p className="label">Groups</p>
        <GroupList groups={user.groups} />
        <div className="avatar-panel-actions">
          <Link to="/profile" className="button secondary" onClick={() => setOpen(false)}>
            Profile
          </Link>
          <button
            type="button"
            className="button primary"
            onClick={() => signOut().catch((error: unknown) => setFailure(errorMessage(error)))}
          >
            Sign out
          </button>
        </div>
        {failure !== null && (
          <p className="error-message" role="alert">
            Sign-out failed: {failure}
          </p>
        )}
      </div>
    </div>
  );
}
