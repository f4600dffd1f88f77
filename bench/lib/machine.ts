// Whether anyone else is using the machine: browser or test runs distort every figure on 2 cores.
import { spawnSync } from 'node:child_process'

const BUSY = /chromium|chrome|playwright|vitest|lighthouse|autocannon/i

/** Other browser or test processes now running (their pid and command, shortened). */
export function busyNeighbours(): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
  if (ps.status !== 0) return []
  const rows = ps.stdout
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map(([, pid, ppid, args]) => ({ pid: Number(pid), ppid: Number(ppid), args: args! }))
  // This run itself and the commands that started it (npm, the shell) are not neighbours.
  const parent = new Map(rows.map((r) => [r.pid, r.ppid]))
  const ours = new Set<number>()
  for (let pid: number | undefined = process.pid; pid && !ours.has(pid); pid = parent.get(pid)) {
    ours.add(pid)
  }
  return rows
    .filter((r) => !ours.has(r.pid) && r.ppid !== process.pid)
    .filter((r) => BUSY.test(r.args) && !/crashpad|zygote|--type=/.test(r.args))
    .map((r) => `${r.pid} ${r.args.slice(0, 100)}`)
}
