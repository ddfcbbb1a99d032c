import { useRef, type ReactNode } from 'react';

/** The types the case file accepts (the server checks the content again). */
export const CASE_FILE_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

/** A button that opens the file chooser for case-file files, many at once. */
export function FilePicker({
  children,
  onFiles,
  primary,
  testId,
}: {
  children: ReactNode;
  onFiles(files: FileList): void;
  primary?: boolean;
  testId: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={primary ? 'primary' : undefined}
        onClick={() => input.current?.click()}
        data-testid={testId}
      >
        {children}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={CASE_FILE_ACCEPT}
        data-testid={`${testId}-input`}
        onChange={(event) => {
          if (event.target.files) onFiles(event.target.files);
          event.target.value = '';
        }}
      />
    </>
  );
}
