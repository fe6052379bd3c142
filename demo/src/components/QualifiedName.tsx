/** A fully qualified name (`service.database.schema.table`) that wraps at its dots, not inside a part. */
export function QualifiedName({ value }: { value: string }) {
  return (
    <p className="fqn">
      {value.split('.').map((part, index) => (
        <span key={index}>
          {index > 0 && (
            <>
              .<wbr />
            </>
          )}
          {part}
        </span>
      ))}
    </p>
  );
}
