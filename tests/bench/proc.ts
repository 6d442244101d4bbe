// What a process uses, read from Linux's /proc: the routes bench samples its server process from outside, so that
// measuring adds no work to the server.
import { readFileSync } from 'node:fs'

/** Resident memory now, in MB. */
export function rssMb(pid: number) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Number(match[1]) / 1024 : NaN
}

/** CPU time used so far (user + system), in ms. */
export function cpuMs(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  // utime and stime, in clock ticks of 1/100 s.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
}
