import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../support/app';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { loginSession } from '../support/oidc-login';
import { assertStreamOnTime } from '../support/stream-lag';
import { seriousViolations } from '../support/axe';

// The public viewer in the built client, for a visitor who is not signed in, watching the real
// broadcast (mediasoup worker, the program FFmpeg, Plenum's playlists): /watch/sitting-42 says the
// broadcast has not started; the chair (a.keller) opens the sitting, which starts it, calls item 2
// and gives Jonas Brandt the floor; the viewer plays it, shows him with his faction, switches to
// French, shows the captions a clerk types, falls behind live and goes back, and sees the result
// of a vote as soon as the chair closes it. axe-core, run in the page, finds no serious or critical
// violation (in English and in German). Last, the program FFmpeg is killed: the supervisor
// restarts it, the playlists mark the gap, and the viewer plays on.

const SITTING = 'sitting-42';

type Headers = Record<string, string>;

/** A procedural mutation on sitting 42 as `who`; fails the test when refused. */
async function act(t: TestApp, who: Headers, field: string, args = '', select = 'seq'): Promise<Record<string, unknown>> {
  const success = `Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`;
  const query = `mutation { r: ${field}(sittingId: "${SITTING}"${args ? `, ${args}` : ''}) { __typename ... on Error { code message } ... on ${success} { data { ${select} } } } }`;
  const res = await gql<{ r: { __typename: string; message?: string; data?: Record<string, unknown> } }>(t.baseUrl, query, {}, who);
  const r = res.body.data?.r;
  if (!r || r.__typename !== success) throw new Error(`${field} refused: ${JSON.stringify(res.body.errors ?? r)}`);
  return r.data!;
}

describe('the public viewer', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        MEDIA_WORKERS: '1',
        RTC_MIN_PORT: '45000',
        RTC_MAX_PORT: '45499',
        BROADCAST_MIN_PORT: '39700',
        BROADCAST_MAX_PORT: '39799',
        HLS_DVR_SECONDS: '60',
      },
    });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('plays the broadcast to a visitor who is not signed in, with languages, captions, speaker and results', { timeout: 60_000 }, async () => {
    const started = Date.now();
    const chair = { cookie: (await loginSession(t.baseUrl, 'a.keller')).cookie };
    const brandt = { cookie: (await loginSession(t.baseUrl, 'j.brandt')).cookie };

    // A visitor without a session opens the viewer before the broadcast has started.
    const context = await browser.newContext({ locale: 'en-GB' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      // The viewer asks for the master playlist until the broadcast starts: those 404s are expected.
      if (message.type() === 'error' && !message.location().url.includes(`/hls/${SITTING}/master.m3u8`)) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${t.baseUrl}/watch/${SITTING}`);
    expect(await page.getByTestId('sign-in').count()).toBe(0);
    await page.getByTestId('watch-title').filter({ hasText: '42' }).waitFor();
    await page.locator('[data-testid="stream-notice"][data-notice="not-started"]').waitFor();
    expect(await page.getByTestId('stream-notice').textContent()).toContain('has not started');

    // The chair opens the sitting (the broadcast starts) and calls item 2; Brandt joins, asks to speak and is given the floor.
    await act(t, chair, 'openSitting');
    const published = Date.now();
    const agenda = await gql<{ sitting: { agenda: { id: string }[] } }>(t.baseUrl, `{ sitting(id: "${SITTING}") { agenda { id } } }`, {}, chair);
    await act(t, chair, 'callAgendaItem', `agendaItemId: "${agenda.body.data!.sitting.agenda[1]!.id}"`);
    await act(t, brandt, 'joinSitting');
    await act(t, brandt, 'requestToSpeak');
    await act(t, chair, 'nextSpeaker');

    // The speaker and the item come from the public fields.
    await page
      .getByTestId('public-item')
      .filter({ hasText: /Item 2: / })
      .waitFor();
    await page.getByTestId('public-speaker').filter({ hasText: 'Jonas Brandt' }).waitFor();
    expect((await page.getByTestId('public-speaker-faction').textContent())?.trim()).toBe('SDA');

    // The page finds the broadcast by itself and plays it.
    const player = page.getByTestId('stream-player');
    await page.locator('[data-testid="stream-player"][data-phase="ready"]').waitFor();
    const playPause = page.getByTestId('play-pause');
    if ((await playPause.getAttribute('data-playing')) !== 'true') await playPause.click();
    const video = page.getByTestId('broadcast-video');
    const time = () => video.evaluate((v: HTMLVideoElement) => v.currentTime);
    const before = await time();
    await expect.poll(time, { timeout: 15_000 }).toBeGreaterThan(before + 1);
    console.info(`sitting opened → the waiting viewer plays a second of its broadcast: ${Date.now() - published} ms`);
    expect(await video.evaluate((v: HTMLVideoElement) => `${v.videoWidth}×${v.videoHeight}`)).toBe('640×360');
    await page.locator('[data-testid="live-edge"][data-edge="live"]').waitFor();
    const language = page.getByTestId('audio-language');
    expect(await language.locator('option').allTextContents()).toEqual(['Original', 'English', 'Français']);
    await expect.poll(() => language.getAttribute('data-heard')).toBe('de');

    // French: hls.js switches the audio rendition and the picture keeps going.
    await language.selectOption({ label: 'Français' });
    await expect.poll(() => language.getAttribute('data-heard'), { timeout: 10_000 }).toBe('fr');
    const afterSwitch = await time();
    await expect.poll(time, { timeout: 10_000 }).toBeGreaterThan(afterSwitch + 1);
    expect(await page.evaluate(() => localStorage.getItem('plenum.watch.audio'))).toContain('"lang":"fr"');

    // Captions on: a clerk types a line; it appears over the picture, timed with it.
    await page.getByTestId('captions-toggle').click();
    // Angular renders the pressed state after the click's handler returns: wait for it, don't read it once.
    await expect.poll(() => page.getByTestId('captions-toggle').getAttribute('aria-pressed')).toBe('true');
    const clerk = { cookie: (await loginSession(t.baseUrl, 'clerk')).cookie };
    assertStreamOnTime(path.join(t.app.config.dataDir, 'hls', SITTING), path.join(t.app.config.dataDir, 'archive', SITTING), {
      variants: ['video', 'audio_floor', 'audio_fr'],
    });
    const typed = await gql<{ addCaption: { __typename: string } }>(
      t.baseUrl,
      `mutation { addCaption(sittingId: "${SITTING}", text: "Die Sitzung ist eröffnet.") { __typename } }`,
      {},
      clerk,
    );
    expect(typed.body.data?.addCaption.__typename).toBe('MutationAddCaptionSuccess');
    await page.getByTestId('caption-text').filter({ hasText: 'Die Sitzung ist eröffnet.' }).waitFor({ timeout: 15_000 });

    // Paused, playback falls behind live; "Go live" takes it back.
    await playPause.click();
    await page.locator('[data-testid="live-edge"][data-edge="behind"]').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('live-edge').textContent()).toMatch(/\d+ s behind live/);
    await page.getByTestId('go-live').click();
    await page.locator('[data-testid="live-edge"][data-edge="live"]').waitFor({ timeout: 10_000 });
    expect(await playPause.getAttribute('data-playing')).toBe('true');

    // The chair holds a vote; a member doubts the quorum while it is open (§ 45 BTGO): the members present
    // are counted, too few, so the vote decides nothing and the sitting is suspended. The viewer says so.
    const title = 'Referral of the Budget Act 2027 to the budget committee';
    const draft = await gql<{ prepareVote: { data: { id: string } } }>(
      t.baseUrl,
      `mutation { prepareVote(sittingId: "${SITTING}", input: { title: "${title}", kind: NAMED }) { ... on MutationPrepareVoteSuccess { data { id } } } }`,
      {},
      chair,
    );
    const opened = await act(t, chair, 'openVote', `draftId: "${draft.body.data!.prepareVote.data.id}"`, 'openVote { id options { id meaning } }');
    const vote = opened['openVote'] as { id: string; options: { id: string; meaning: string }[] };
    await act(t, brandt, 'castVote', `voteId: "${vote.id}", optionId: "${vote.options.find((o) => o.meaning === 'YES')!.id}"`, 'code');
    expect(await page.getByTestId('public-result').count()).toBe(0);
    const raised = await act(t, brandt, 'raisePointOfOrder', `category: "quorum_check", text: "Ich bezweifle die Beschlussfähigkeit."`, 'pointsOfOrder { id }');
    const [point] = raised['pointsOfOrder'] as { id: string }[];
    if (!point) throw new Error('the point of order is not pending');
    await act(t, chair, 'decidePointOfOrder', `pointId: "${point.id}", decision: ACCEPTED`);
    const result = page.getByTestId('public-result').filter({ hasText: title });
    await result.waitFor();
    expect(await result.getByTestId('public-outcome').getAttribute('data-outcome')).toBe('NOT_QUORATE');
    expect(await result.getByTestId('public-outcome').textContent()).toContain('Not quorate');
    expect(await result.getByTestId('public-reason').textContent()).toContain('nothing was decided');
    await act(t, chair, 'resumeSitting');
    expect(await result.getByTestId('public-count').allTextContents()).toEqual([
      expect.stringMatching(/Yes\s*1/),
      expect.stringMatching(/No\s*0/),
      expect.stringMatching(/Abstain\s*0/),
    ]);

    // Keyboard, labels, contrast: no serious or critical violation, in English and in German.
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('language-de').click();
    await page.getByRole('heading', { name: 'Abstimmungsergebnisse' }).waitFor();
    await result.getByTestId('public-outcome').filter({ hasText: 'Nicht beschlussfähig' }).waitFor();
    expect(await page.getByTestId('captions-toggle').textContent()).toContain('Untertitel');
    expect(await seriousViolations(page)).toEqual([]);
    // The controls are reached with the keyboard, in order.
    await page.getByTestId('play-pause').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('mute');

    expect(await player.getAttribute('data-phase')).toBe('ready');
    expect(problems).toEqual([]);

    // The program FFmpeg crashes: the supervisor restarts it, the playlists mark the gap, the viewer plays on.
    const program = t.app.broadcasts!.process(SITTING)!;
    process.kill(program.pid!, 'SIGKILL');
    const killed = Date.now();
    await expect.poll(() => t.app.broadcasts!.process(SITTING)?.runs, { timeout: 5_000 }).toBe(program.runs + 1);
    await expect
      .poll(async () => (await (await fetch(`${t.baseUrl}/hls/${SITTING}/video/index.m3u8`)).text()).includes('#EXT-X-DISCONTINUITY'), { timeout: 10_000 })
      .toBe(true);
    const resumed = await time();
    await expect.poll(time, { timeout: 15_000 }).toBeGreaterThan(resumed + 3);
    console.info(`program FFmpeg killed → restarted and the viewer ${Date.now() - killed} ms later 3 s further on`);
    expect(problems).toEqual([]);
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `public viewer: the whole scenario (not started, playing, French, captions, behind live, a result, two axe scans, a crashed FFmpeg) in ${seconds.toFixed(1)} s`,
    );
    expect(seconds).toBeLessThan(60);
    await context.close();
  });
});
