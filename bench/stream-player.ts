/**
 * Bench helper: the page headless Chromium plays the program on. hls.js (the project's own copy)
 * plays the master playlist with a low-latency live configuration; for every new video frame
 * (requestVideoFrameCallback) the page draws the picture to a canvas and reads the mean of each
 * stamp cell (see stamped-camera.ts); Node decodes them. Every 250 ms it also notes
 * Date.now() − hls.playingDate (the player's position on the program's EXT-X-PROGRAM-DATE-TIME).
 */
import { cellCentre, STAMP } from './stamped-camera';

export interface PlayerFrame {
  /** Date.now() in the page when the frame was handed to the compositor. */
  readonly at: number;
  /** Mean luma (R of a grey picture) of each stamp cell, in cell order. */
  readonly means: readonly number[];
}

export interface PlayerSample {
  readonly at: number;
  /** Date.now() − hls.playingDate, ms. */
  readonly pdtLag: number;
  /** hls.js's own estimate of the distance to the live edge, s. */
  readonly latency: number;
  readonly rate: number;
}

export interface PlayerState {
  readonly frames: PlayerFrame[];
  readonly samples: PlayerSample[];
  readonly errors: string[];
  readonly waiting: number;
}

/**
 * Live edge minus 1.5 s (hls.js never starts closer than one target duration, 1 s). NOTE: hls.js
 * 1.7 adjusts the playback rate towards that target only in lowLatencyMode, which does nothing
 * else on a playlist without parts; without it, the player stays wherever it started or stalled to.
 */
export function hlsConfig(lowLatencyMode: boolean) {
  return { liveSyncDuration: 1.5, liveMaxLatencyDuration: 4, maxLiveSyncPlaybackRate: 1.5, lowLatencyMode, backBufferLength: 4 };
}

export function playerPage(src: string, hlsScript: string, config: ReturnType<typeof hlsConfig>): string {
  const { x, y, scale } = STAMP.program;
  const region = { x, y, w: STAMP.cols * STAMP.cellWidth * scale, h: STAMP.rows * STAMP.cellHeight * scale };
  const half = { w: Math.floor((STAMP.cellWidth * scale) / 4), h: Math.floor((STAMP.cellHeight * scale) / 4) };
  // Boxes relative to the region: [left, top, width, height] around each cell's centre.
  const boxes = Array.from({ length: STAMP.cols * STAMP.rows }, (_, k) => {
    const c = cellCentre(k);
    return [Math.round(c.x * scale) - half.w, Math.round(c.y * scale) - half.h, half.w * 2, half.h * 2];
  });
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>bench:stream</title></head>
<body style="margin:0;background:#000">
<video id="v" muted autoplay playsinline width="640" height="360"></video>
<script src="${hlsScript}"></script>
<script>
const REGION = ${JSON.stringify(region)};
const BOXES = ${JSON.stringify(boxes)};
const video = document.getElementById('v');
const canvas = document.createElement('canvas');
canvas.width = REGION.w; canvas.height = REGION.h;
const ctx = canvas.getContext('2d', { willReadFrequently: true });
const state = { frames: [], samples: [], errors: [], waiting: 0 };
window.benchState = state;
const hls = new Hls(${JSON.stringify(config)});
window.benchHls = hls;
hls.on(Hls.Events.ERROR, (_e, d) => state.errors.push(d.type + ':' + d.details + (d.fatal ? ':fatal' : '')));
hls.on(Hls.Events.MANIFEST_PARSED, () => video.play().catch((e) => state.errors.push('play:' + e)));
video.addEventListener('waiting', () => state.waiting++);
hls.loadSource(${JSON.stringify(src)});
hls.attachMedia(video);
function onFrame() {
  const at = Date.now();
  if (video.videoWidth === 640) {
    ctx.drawImage(video, REGION.x, REGION.y, REGION.w, REGION.h, 0, 0, REGION.w, REGION.h);
    const px = ctx.getImageData(0, 0, REGION.w, REGION.h).data;
    const means = BOXES.map(([l, t, w, h]) => {
      let sum = 0;
      for (let y = t; y < t + h; y++) for (let x = l; x < l + w; x++) sum += px[(y * REGION.w + x) * 4];
      return Math.round(sum / (w * h));
    });
    state.frames.push({ at, means });
  }
  video.requestVideoFrameCallback(onFrame);
}
video.requestVideoFrameCallback(onFrame);
setInterval(() => {
  const d = hls.playingDate;
  if (d && !video.paused) state.samples.push({ at: Date.now(), pdtLag: Date.now() - d.getTime(), latency: hls.latency, rate: video.playbackRate });
}, 250);
</script>
</body></html>`;
}
