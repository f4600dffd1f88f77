import type { AppEnv } from '../lib/types'

/** The admin routes' environment: the app's, plus the editor who signed the request. */
export interface AdminEnv extends AppEnv {
  Variables: AppEnv['Variables'] & { editor: string }
}
