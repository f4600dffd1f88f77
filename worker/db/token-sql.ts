// The SQL that makes an editor token, shared by the worker (POST /api/v1/admin/tokens) and the
// command line (worker/cli/editor-tokens.ts, which runs it through wrangler d1 execute). Imports
// nothing, so the command line can load it as it is.

/**
 * SQL that stores a new token (name, role, hash: three SQL expressions, in order: placeholders
 * such as ?1, or quoted literals) unless a token that is
 * not revoked already has that name (A to Z compared without case: SQLite's lower() folds only
 * ASCII; names come normalised, see normaliseEditorName): revisions name their editor by name,
 * so two live tokens of one name could not be told apart. Returns the new row's id, or no row.
 * The command line (worker/cli/editor-tokens.ts) and POST /tokens both write through it.
 */
export function tokenInsertSql(values: [string, string, string], returning = 'id'): string {
  const [name, role, hash] = values
  return `INSERT INTO editor_tokens (name, role, token_hash) SELECT ${name}, ${role}, ${hash}
    WHERE NOT EXISTS (SELECT 1 FROM editor_tokens WHERE lower(name) = lower(${name}) AND revoked_at IS NULL)
    RETURNING ${returning}`
}
