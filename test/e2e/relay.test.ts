import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintTurnCredential } from '../../server/media/turn-credentials';
import { startTestApp, type TestApp } from '../support/app';
import { connectedRoutes, enterChamber, expectRelayedOnly, flowing, hearsFloorSpeaker, takeSeat, type Seat } from '../support/chamber-seat';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { startCoturn, type Coturn } from '../support/coturn';
import { preferredTestDatabaseKind } from '../support/database';

// Members behind a firewall that lets no media through directly: Plenum hands each join TURN
// credentials for a coturn the test starts (`use-auth-secret`), and TURN_FORCE_RELAY makes every
// browser use relayed candidates only (iceTransportPolicy "relay"), as if nothing but the relay
// were reachable. The chair (a.keller) gives Jonas Brandt the floor; Leonie Vogel hears him.
// Proof that it went through the relay: the pages' selected candidate pairs are relay candidates,
// and coturn's own log shows an allocation for each of them under the username Plenum minted.
// Then coturn itself is asked with an expired credential and a forged one: it refuses both.

const secret = 'plenum-relay-test-shared-secret-0123456789';

describe('the floor through a TURN relay', () => {
  let coturn: Coturn;
  let t: TestApp;
  let browser: Browser;
  const seats: Seat[] = [];

  beforeAll(async () => {
    coturn = await startCoturn({ secret });
    t = await startTestApp({
      database: preferredTestDatabaseKind(),
      env: {
        MEDIA_WORKERS: '1',
        RTC_MIN_PORT: '46000',
        RTC_MAX_PORT: '46999',
        BROADCAST: 'off',
        TURN_URLS: coturn.url,
        TURN_SECRET: secret,
        TURN_TTL_S: '600',
        TURN_FORCE_RELAY: 'true',
      },
    });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs({ media: true }) });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await coturn?.stop();
  });

  async function seat(username: string): Promise<Seat> {
    const entry = await takeSeat(browser, t.baseUrl, username);
    seats.push(entry);
    return entry;
  }

  it(
    'carries the floor speaker to a listener when both may use the relay only, and again with fresh credentials after a reconnect',
    { timeout: 120_000 },
    async () => {
      const [chair, brandt, vogel] = await Promise.all([seat('a.keller'), seat('j.brandt'), seat('l.vogel')]);

      await chair.page.goto(`${t.baseUrl}/sittings/sitting-42/chair`);
      await chair.page.getByTestId('open-sitting').click();
      await chair.page.locator('[data-testid="sitting-phase"][data-state="OPEN"]').waitFor();
      await chair.page.getByTestId('tab-agenda').click();
      await chair.page.getByTestId('call-item-2').click();

      await Promise.all([enterChamber(t.baseUrl, brandt), enterChamber(t.baseUrl, vogel)]);
      for (const member of [brandt, vogel]) {
        await member.page.locator('[data-testid="microphone-state"][data-held="no_floor"]').waitFor();
      }

      await brandt.page.getByTestId('request-speech').click();
      await chair.page.getByTestId('chair-speaker').filter({ hasText: 'Jonas Brandt' }).waitFor();
      const granted = Date.now();
      await chair.page.getByTestId('next-speaker').click();
      await brandt.page.locator('[data-testid="microphone-state"][data-live="true"]').waitFor();

      const { speakerPeerId: brandtId, firstAudioMs: firstAudio } = await hearsFloorSpeaker(vogel, 'Jonas Brandt', granted);
      const floorSink = `[data-testid="audio-sink"][data-channel="floor"][data-peer="${brandtId}"]`;
      console.info(`relay: "Next speaker" clicked → the listener's first audio bytes through TURN: ${firstAudio} ms (polled every 50 ms)`);

      // Both ends went through the relay: every connected transport's selected pair is a relay candidate,
      // the speaker's credential is in his own name…
      const { brandt: brandtUsername, vogel: vogelUsername } = await expectRelayedOnly({ brandt, vogel });
      expect(brandtUsername).toMatch(new RegExp(`^\\d+:${brandtId}$`));
      expect(vogelUsername).not.toBe(brandtUsername);
      // …and coturn itself allocated relays for both usernames Plenum minted, and relayed to mediasoup.
      const allocated = coturn.allocations();
      expect(allocated).toContain(brandtUsername);
      expect(allocated).toContain(vogelUsername);
      expect(coturn.log()).toMatch(/CREATE_PERMISSION processed, success|CHANNEL_BIND processed, success/);

      // Vogel's media socket drops: the page rejoins, with a credential minted for that join, and
      // hears Brandt again through a new allocation. (Expiry is in whole seconds: wait one out.)
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, granted + 1100 - Date.now())));
      await vogel.page.evaluate(() => {
        for (const socket of (window as unknown as { __mediaSockets: WebSocket[] }).__mediaSockets) socket.close(4000, 'test: drop');
      });
      await vogel.page.locator('[data-testid="media-status"][data-status="retrying"]').waitFor();
      await vogel.page.locator('[data-testid="media-status"][data-status="joined"]').waitFor();
      await flowing(vogel.page, floorSink);
      const rejoined = await connectedRoutes(vogel.page);
      expect(rejoined.length).toBeGreaterThan(0);
      const renewed = rejoined[0]!.turnUsernames[0]!;
      expect(rejoined.every((route) => route.localCandidateType === 'relay' && route.turnUsernames[0] === renewed)).toBe(true);
      expect(Number(renewed.split(':')[0])).toBeGreaterThan(Number(vogelUsername.split(':')[0]));
      expect(renewed.split(':')[1]).toBe(vogelUsername.split(':')[1]);
      expect(coturn.allocations()).toContain(renewed);
      console.info(`relay: coturn allocations: ${coturn.allocations().length} (${[...new Set(coturn.allocations())].join(', ')})`);

      expect(seats.flatMap((entry) => entry.problems)).toEqual([]);
      await Promise.all(seats.map((entry) => entry.context.close()));
    },
  );

  it('is refused by coturn with an expired credential or one signed with another secret', async () => {
    const now = Date.now();
    const fresh = mintTurnCredential(secret, 'p-probe', 600, now);
    const expired = mintTurnCredential(secret, 'p-probe', 600, now - 1_200_000);
    const forged = mintTurnCredential('another-secret-that-coturn-does-not-know', 'p-forger', 600, now);
    for (const c of [expired, forged, fresh]) await coturn.tryAllocate(c.username, c.credential);
    const allocated = coturn.allocations();
    expect(allocated).toContain(fresh.username);
    expect(allocated).not.toContain(expired.username);
    expect(allocated).not.toContain(forged.username);
    expect(coturn.log()).toContain(`user <${expired.username}>: incoming packet message processed, error 401`);
    expect(coturn.log()).toContain(`user <${forged.username}>: incoming packet message processed, error 401`);
  });
});
