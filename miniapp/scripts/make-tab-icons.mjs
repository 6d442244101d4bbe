#!/usr/bin/env node
// Draws the tabBar icons (81×81 PNG, as WeChat recommends; a few hundred bytes each) into src/assets/tabbar/.
// The PNGs are committed; run this only to change them: `node scripts/make-tab-icons.mjs`.
import { deflateSync } from 'node:zlib'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const SIZE = 81
const SAMPLES = 4 // per axis, for smooth edges
const COLORS = { normal: [0x59, 0x59, 0x59], active: [0xa4, 0x16, 0x1a] }

// Shapes in a unit square: functions (x, y) => boolean, combined with union / minus.
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const ellipse = (cx, cy, rx, ry) => (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1
const polygon = (points) => (x, y) => {
  let inside = false
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]
    const [xj, yj] = points[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y))
const minus =
  (shape, ...holes) =>
  (x, y) =>
    shape(x, y) && !holes.some((h) => h(x, y))
const intersect = (a, b) => (x, y) => a(x, y) && b(x, y)

const ICONS = {
  home: minus(
    union(
      polygon([
        [0.08, 0.5],
        [0.5, 0.1],
        [0.92, 0.5]
      ]),
      rect(0.2, 0.45, 0.8, 0.88)
    ),
    rect(0.42, 0.62, 0.58, 0.88)
  ),
  booking: union(
    minus(rect(0.14, 0.2, 0.86, 0.88), rect(0.21, 0.4, 0.79, 0.81)),
    rect(0.3, 0.1, 0.38, 0.28),
    rect(0.62, 0.1, 0.7, 0.28),
    polygon([
      [0.3, 0.6],
      [0.36, 0.54],
      [0.46, 0.64],
      [0.64, 0.46],
      [0.7, 0.52],
      [0.46, 0.76]
    ])
  ),
  policies: union(
    minus(rect(0.18, 0.08, 0.82, 0.92), rect(0.26, 0.16, 0.74, 0.84)),
    rect(0.34, 0.3, 0.66, 0.36),
    rect(0.34, 0.46, 0.66, 0.52),
    rect(0.34, 0.62, 0.56, 0.68)
  ),
  messages: minus(
    union(
      rect(0.1, 0.18, 0.9, 0.7),
      polygon([
        [0.26, 0.66],
        [0.26, 0.9],
        [0.5, 0.66]
      ])
    ),
    circle(0.32, 0.44, 0.06),
    circle(0.5, 0.44, 0.06),
    circle(0.68, 0.44, 0.06)
  ),
  me: union(circle(0.5, 0.3, 0.18), intersect(ellipse(0.5, 0.92, 0.36, 0.4), rect(0, 0, 1, 0.9)))
}

function crc32(bytes) {
  let crc = ~0
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function png(shape, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let py = 0; py < SIZE; py++) {
    const row = py * (SIZE * 4 + 1)
    raw[row] = 0 // filter: none
    for (let px = 0; px < SIZE; px++) {
      let hits = 0
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (shape((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE)) hits++
        }
      }
      const at = row + 1 + px * 4
      raw[at] = r
      raw[at + 1] = g
      raw[at + 2] = b
      raw[at + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES))
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

const outDir = path.resolve(import.meta.dirname, '..', 'src', 'assets', 'tabbar')
mkdirSync(outDir, { recursive: true })
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = path.join(outDir, state === 'active' ? `${name}-active.png` : `${name}.png`)
    const bytes = png(shape, color)
    writeFileSync(file, bytes)
    console.log(`${path.relative(process.cwd(), file)}  ${bytes.length} bytes`)
  }
}
