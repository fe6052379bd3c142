import type { ReactNode } from 'react';

/** An error message (plain text, never HTML), an optional detail from Cognito, and actions. */
export function ErrorPanel({
  message,
  detail,
  children,
}: {
  message: string;
  detail?: string | undefined;
  children?: ReactNode;
}) {
  return (
    <div className="error-panel" role="alert">
      <p className="error-message">{message}</p>
      {detail !== undefined && <p className="error-detail">Amazon Cognito said: “{detail}”</p>}
      {children !== undefined && <div className="actions">{children}</div>}
    </div>
  );
}
