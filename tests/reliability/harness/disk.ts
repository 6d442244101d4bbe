// A small disk to fill: a tmpfs mounted for the test (root on Linux), and filler files that take its space.
import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, statfsSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface SmallDisk {
  dir: string
  unmount(): void
}

/** A fresh tmpfs of `megabytes` at a temporary mount point. Fails (never skips) where mounting is not allowed. */
export function mountTmpfs(megabytes: number): SmallDisk {
  const dir = mkdtempSync(path.join(tmpdir(), 'veterans-reliability-disk-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' })
  } catch (error) {
    rmdirSync(dir)
    throw new Error(
      `The full-disk test needs a small tmpfs and could not mount one (run it as root on Linux): ${String(error)}`
    )
  }
  return {
    dir,
    unmount() {
      execFileSync('umount', [dir])
      rmdirSync(dir)
    }
  }
}

export function freeBytes(dir: string) {
  const stats = statfsSync(dir)
  return stats.bavail * stats.bsize
}

/** Fills the disk of `dir` until at most `leaveBytes` are free (0: until the file system refuses more). */
export function fillDisk(dir: string, leaveBytes: number) {
  const file = path.join(dir, `filler-${Date.now()}`)
  const fd = openSync(file, 'w')
  const block = Buffer.alloc(1024 * 1024, 0x5a)
  try {
    for (let free = freeBytes(dir); free > leaveBytes; free = freeBytes(dir))
      writeSync(fd, block, 0, Math.min(block.length, Math.max(free - leaveBytes, 1)))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
  } finally {
    closeSync(fd)
  }
  return { file, remove: () => rmSync(file, { force: true }) }
}
