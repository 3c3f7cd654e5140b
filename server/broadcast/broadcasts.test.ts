import fs from 'node:fs';
import path from 'node:path';
import * as HLS from 'hls-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { loginSession } from '../../test/support/oidc-login';
import { assertStreamOnTime } from '../../test/support/stream-lag';

// The broadcast inside the whole server: it starts when the sitting opens, serves its HLS at
// /hls/<sitting>/, takes captions from a clerk, and leaves recordings listed in the API at close.

const S = 'sitting-42';
type Headers = Record<string, string>;

const until = async <T>(probe: () => Promise<T | undefined>, ms: number): Promise<T | undefined> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
};

async function mutate(t: TestApp, who: Headers, field: string, args = '') {
  const res = await gql<{ r: { __typename: string; rule?: string } }>(
    t.baseUrl,
    `mutation { r: ${field}(sittingId: "${S}"${args ? `, ${args}` : ''}) { __typename ... on RuleViolation { rule } } }`,
    {},
    who,
  );
  if (res.body.errors) return { __typename: String(res.body.errors[0]?.extensions?.code) };
  return res.body.data!.r;
}

/** Segments in a rendition's public playlist so far. */
function segmentsOf(t: TestApp, variant: string): number {
  const file = path.join(t.app.config.dataDir, 'hls', S, variant, 'index.m3u8');
  return fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.endsWith('.ts')).length
    : 0;
}

describe('the broadcast of a sitting', () => {
  let t: TestApp;
  const h: Record<string, Headers> = {};

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        MEDIA_WORKERS: '1',
        RTC_MIN_PORT: '47500',
        RTC_MAX_PORT: '47999',
        BROADCAST_MIN_PORT: '39500',
        BROADCAST_MAX_PORT: '39599',
        HLS_DVR_SECONDS: '30',
      },
    });
    for (const u of ['a.keller', 'j.brandt', 'clerk']) h[u] = { cookie: (await loginSession(t.baseUrl, u)).cookie };
  }, 60_000);
  afterAll(() => t?.stop());

  it('goes live when the sitting opens, with a rendition per booth language and captions', async () => {
    expect((await mutate(t, h['a.keller']!, 'openSitting')).__typename).toBe('MutationOpenSittingSuccess');
    const master = await until(async () => {
      const res = await fetch(`${t.baseUrl}/hls/${S}/master.m3u8`);
      return res.ok ? await res.text() : undefined;
    }, 20_000);
    expect(master).toBeDefined();
    const playlist = HLS.parse(master!) as unknown as {
      isMasterPlaylist: boolean;
      variants: { audio: { language?: string; name: string }[]; subtitles: unknown[] }[];
    };
    expect(playlist.isMasterPlaylist).toBe(true);
    expect(playlist.variants[0]!.audio.map((a) => a.language)).toEqual(['de', 'en', 'fr']);
    expect(playlist.variants[0]!.subtitles).toHaveLength(1);
    const state = await gql<{ sitting: { broadcast: { live: boolean; playlistUrl: string } } }>(
      t.baseUrl,
      `{ sitting(id: "${S}") { broadcast { live playlistUrl } } }`,
      {},
      h['j.brandt'],
    );
    expect(state.body.data!.sitting.broadcast).toEqual({ live: true, playlistUrl: `/hls/${S}/master.m3u8` });

    // A video segment is served, immutable.
    const video = await until(async () => {
      const text = await (await fetch(`${t.baseUrl}/hls/${S}/video/index.m3u8`)).text();
      return /\n([^#\n]+\.ts)/.exec(text)?.[1];
    }, 20_000);
    const segment = await fetch(`${t.baseUrl}/hls/${S}/video/${video}`);
    expect(segment.headers.get('cache-control')).toContain('immutable');

    expect((await mutate(t, h['j.brandt']!, 'addCaption', 'text: "Hello"')).__typename).toBe('FORBIDDEN');
    expect((await mutate(t, h['clerk']!, 'addCaption', 'text: ""')).__typename).toBe('InputError');
    await until(async () => (segmentsOf(t, 'video') >= 3 ? true : undefined), 20_000);
    assertStreamOnTime(path.join(t.app.config.dataDir, 'hls', S), path.join(t.app.config.dataDir, 'archive', S), {
      variants: ['video', 'audio_floor', 'audio_en', 'audio_fr'],
    });
    expect((await mutate(t, h['clerk']!, 'addCaption', 'text: "Die Sitzung ist eröffnet."')).__typename).toBe('MutationAddCaptionSuccess');
    const cue = await until(async () => {
      const subs = await (await fetch(`${t.baseUrl}/hls/${S}/subs/index.m3u8`)).text();
      for (const uri of subs
        .split('\n')
        .filter((l) => l.endsWith('.vtt'))
        .reverse()) {
        const vtt = await (await fetch(`${t.baseUrl}/hls/${S}/subs/${uri}`)).text();
        if (vtt.includes('Die Sitzung ist eröffnet.')) return vtt;
      }
      return undefined;
    }, 10_000);
    expect(cue).toContain('-->');
  }, 90_000);

  it('goes on from its archive on a rebuilt media when the media worker dies', async () => {
    const media = t.app.mediaRegistry!.get(S)!;
    const before = t.app.broadcasts!.process(S)!;
    const pid = media.routers.primary.appData['workerPid'] as number;
    process.kill(pid, 'SIGKILL');
    const after = await until(async () => {
      const p = t.app.broadcasts!.process(S);
      return p && p.pid !== null && p.pid !== before.pid && t.app.mediaRegistry!.get(S) !== media ? p : undefined;
    }, 20_000);
    expect(after).toBeDefined();
    const marked = await until(async () => {
      const text = await (await fetch(`${t.baseUrl}/hls/${S}/video/index.m3u8`)).text();
      return text.includes('#EXT-X-DISCONTINUITY') ? text : undefined;
    }, 15_000);
    expect(marked).toBeDefined();
  }, 60_000);

  it('ends with recordings per language, listed in the API and served', async () => {
    expect((await mutate(t, h['a.keller']!, 'closeSitting')).__typename).toBe('MutationCloseSittingSuccess');
    const recordings = await until(async () => {
      const res = await gql<{ publicSitting: { broadcast: { live: boolean; recordings: { language: string; url: string; durationSeconds: number }[] } } }>(
        t.baseUrl,
        `{ publicSitting(id: "${S}") { broadcast { live recordings { language url durationSeconds } } } }`,
      );
      const b = res.body.data?.publicSitting.broadcast;
      return b && b.recordings.length > 0 ? b : undefined;
    }, 30_000);
    expect(recordings?.live).toBe(false);
    const mp4s = recordings!.recordings.filter((r) => r.url.endsWith('.mp4'));
    expect(mp4s.map((r) => r.language)).toEqual(['de', 'en', 'fr']);
    expect(mp4s.every((r) => r.durationSeconds > 1)).toBe(true);
    const file = await fetch(`${t.baseUrl}${mp4s[0]!.url}`);
    expect(file.headers.get('content-type')).toBe('video/mp4');
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(4_000);
    const ended = await (await fetch(`${t.baseUrl}/hls/${S}/video/index.m3u8`)).text();
    expect(ended).toContain('#EXT-X-ENDLIST');
  }, 90_000);
});
