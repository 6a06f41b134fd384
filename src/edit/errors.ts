/** Why an edit was refused. `syntax`: the file does not parse; `alias`: the value is shared through an anchor; `verify`: the written text would not read back as intended; `unsupported`: a shape the editor does not rewrite. */
export type EditErrorReason = 'alias' | 'verify' | 'unsupported' | 'syntax';

/** An edit that cannot be made safely. `line` and `column` are 1-based and point into the source passed to `editYaml`. */
export class EditError extends Error {
  override name = 'EditError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly reason: EditErrorReason,
  ) {
    super(message);
  }
}

/**
 * Thrown inside one edit, where only the current text's offset is known; `editYaml`
 * maps the offset back to the caller's source before turning it into an EditError.
 */
export class EditFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly reason: EditErrorReason,
  ) {
    super(message);
  }
}
