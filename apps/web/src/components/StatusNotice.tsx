/** A success message announced politely; present (empty) from the start so that it is announced. */
export function StatusNotice({ message }: { message: string }) {
  return (
    <div role="status" className={message ? 'alert alert-success' : 'visually-hidden'}>
      {message}
    </div>
  );
}
