/** A user's Cognito groups as chips, or "No groups". */
export function GroupList({ groups }: { groups: readonly string[] }) {
  if (groups.length === 0) return <p className="muted">No groups</p>;
  return (
    <ul className="chips" aria-label="Groups">
      {groups.map((group) => (
        <li key={group} className="chip">
          {group}
        </li>
      ))}
    </ul>
  );
}
