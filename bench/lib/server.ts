// A local worker of our own for the bench, the fuzzer and the soak: `npm run build`, then a
// snapshot of the built worker and page under .wrangler/bench/ (so a rebuild while a run is
// going, ours or anyone's, changes nothing it measures), a fresh D1 from the real migrations,
// optionally an editor token, and `wrangler dev` on 127.0.0.1 serving the snapshot.
// stop() ends the whole process group.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'

const WRANGLER = join(
  dirname(createRequire(import.meta.url).resolve('wrangler/package.json')),
  'bin',
  'wrangler.js',
)

export interface LocalWorker {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string
  /** The persisted state (D1) of this worker, for `wrangler d1 execute --persist-to`. */
  persistTo: string
  /** The snapshot of the build this worker serves: its web/dist is at `${app}/web/dist`. */
  app: string
  /** wrangler's output: the worker's own errors and stack traces end up here. */
  log: string
  /** The editor token made for this run, when one was asked for. */
  token: string | null
  /** Runs SQL against this worker's D1 and returns the rows. */
  sql<T = Record<string, unknown>>(command: string): T[]
  stop(): Promise<void>
}

export interface StartOptions {
  /** A short name for the state folder and the log, such as "bench". */
  name: string
  /** Make an editor token (its hash goes into D1, as `npm run editor:token` would store it). */
  editorToken?: boolean
  /** The first port to try; the next free one is used. */
  port?: number
  /** Print wrangler's own output as well as saving it. */
  verbose?: boolean
}

function build(): void {
  const run = spawnSync('npm', ['run', 'build'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (run.status !== 0) throw new Error(`npm run build failed:\n${run.stderr || run.stdout}`)
}

/**
 * A copy of the built worker (its source and the server-rendered page module) and the built
 * page, with wrangler.toml minus its [build] step, so wrangler dev neither rebuilds nor reloads.
 * Packages resolve from the repository's node_modules, above the snapshot.
 */
function snapshot(app: string): void {
  mkdirSync(join(app, 'web'), { recursive: true })
  cpSync('worker', join(app, 'worker'), { recursive: true })
  cpSync('web/dist', join(app, 'web/dist'), { recursive: true })
  for (const file of ['.env', '.dev.vars']) if (existsSync(file)) cpSync(file, join(app, file))
  const config = readFileSync('wrangler.toml', 'utf8').replace(
    /^\[build\][\s\S]*?(?=^\[|(?![\s\S]))/m,
    '',
  )
  if (/^\[build\]/m.test(config)) throw new Error('could not drop [build] from wrangler.toml')
  writeFileSync(join(app, 'wrangler.toml'), config)
}

function wrangler(args: string[]): string {
  const run = spawnSync(process.execPath, [WRANGLER, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  })
  if (run.status !== 0) {
    throw new Error(`wrangler ${args.slice(0, 3).join(' ')} failed:\n${run.stderr || run.stdout}`)
  }
  return run.stdout
}

function d1(persistTo: string, command: string): Record<string, unknown>[] {
  const out = wrangler([
    'd1',
    'execute',
    'DB',
    '--local',
    '--persist-to',
    persistTo,
    '--json',
    '--command',
    command,
  ])
  return (JSON.parse(out) as { results: Record<string, unknown>[] }[]).flatMap((r) => r.results)
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) if (await portIsFree(port)) return port
  throw new Error(`no free port between ${from} and ${from + 99} on 127.0.0.1`)
}

async function waitForHealth(url: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 240_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`wrangler dev exited with ${child.exitCode} before it was ready; see ${log}`)
    }
    try {
      const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) })
      if (res.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`wrangler dev did not answer /api/v1/health within 240 s; see ${log}`)
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // Already gone.
  }
}

export async function startWorker(options: StartOptions): Promise<LocalWorker> {
  const stamp = `${options.name}-${process.pid}-${Date.now().toString(36)}`
  const root = join('.wrangler', 'bench', stamp)
  const persistTo = resolve(root, 'state')
  const app = join(root, 'app')
  const log = join('.wrangler', 'bench', `${stamp}.log`)
  mkdirSync(persistTo, { recursive: true })
  build()
  snapshot(app)
  wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo])

  let token: string | null = null
  if (options.editorToken) {
    token = `yir_${randomBytes(32).toString('base64url')}`
    const hash = createHash('sha256').update(token).digest('hex')
    d1(
      persistTo,
      `INSERT INTO editor_tokens (name, token_hash) VALUES ('${options.name} run', '${hash}')`,
    )
  }

  const port = await freePort(options.port ?? 8797)
  const url = `http://127.0.0.1:${port}`
  const out = openSync(log, 'w')
  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      '--config',
      join(app, 'wrangler.toml'),
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      persistTo,
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
    ],
    {
      detached: true,
      stdio: ['ignore', options.verbose ? 'inherit' : out, options.verbose ? 'inherit' : out],
    },
  )
  const onExit = () => killGroup(child, 'SIGKILL')
  process.once('exit', onExit)
  const onSignal = () => {
    killGroup(child, 'SIGKILL')
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  try {
    await waitForHealth(url, child, log)
  } catch (error) {
    killGroup(child, 'SIGKILL')
    throw error
  }

  return {
    url,
    persistTo,
    app,
    log,
    token,
    sql: <T>(command: string) => d1(persistTo, command) as T[],
    async stop() {
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve()
        else child.once('exit', () => resolve())
      })
      killGroup(child, 'SIGTERM')
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
      // workerd runs in the same group; make sure none of it outlives wrangler.
      killGroup(child, 'SIGKILL')
      process.off('exit', onExit)
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    },
  }
}

/** Removes a worker's state folder (after stop, once any final SQL checks have run) and its log. */
export function removeState(worker: LocalWorker, keepLog = false): void {
  rmSync(dirname(worker.persistTo), { recursive: true, force: true })
  if (!keepLog) rmSync(worker.log, { force: true })
}
