import type { Translations } from '../i18n/translation-state';
import { tryParseChannelKey, type Held } from '@contract/media-channels';
import type { MediaStatus } from './media-state';

/** A channel's name from its key (contract/media-channels.ts): an interpretation by its language, anything else by its kind. */
function channelName(
  key: string,
  language: (code: string) => string,
  names: { readonly floor: string; readonly sign: string; readonly subroom: string },
): string {
  const channel = tryParseChannelKey(key);
  switch (channel?.kind) {
    case 'floor':
      return names.floor;
    case 'sign':
      return names.sign;
    case 'interpretation':
      return language(channel.language);
    default:
      // A subroom, or a key the contract does not know: as before, the consultation's word.
      return names.subroom;
  }
}

const en = {
  media: 'Audio and video',
  status: {
    idle: 'Audio and video are off.',
    connecting: 'Connecting to the chamber’s audio and video…',
    joining: 'Joining the chamber’s audio and video…',
    joined: 'Connected to the chamber’s audio and video.',
    retrying: 'The connection dropped. Reconnecting…',
    refused: 'The chamber’s audio and video are not open to you now.',
    replaced: 'You opened the chamber in another tab or window; audio and video continue there.',
    ended: 'The sitting’s audio and video have ended.',
    unavailable: 'This server offers no audio and video.',
  } as Record<MediaStatus, string>,
  held: {
    no_floor: 'You do not have the floor.',
    muted_all: 'The chair muted all microphones.',
    muted_by_chair: 'The chair muted your microphone.',
    self_muted: 'You muted yourself.',
    not_on_air: 'You are not on air.',
    not_allowed: 'You may not speak in this channel.',
  } as Record<Held, string>,
  micLive: 'Your microphone is live.',
  cameraLive: 'Your camera is on air.',
  cameraHeld: (reason: string) => `Your camera is not shown: ${reason}`,
  starting: 'Starting…',
  notStarted: 'Not started.',
  microphone: 'Microphone',
  camera: 'Camera',
  muteMicrophone: 'Mute my microphone',
  unmuteMicrophone: 'Unmute my microphone',
  cameraOff: 'Turn my camera off',
  cameraOn: 'Turn my camera on',
  unnamedDevice: (source: 'microphone' | 'camera', n: number) => `${source === 'camera' ? 'Camera' : 'Microphone'} ${n}`,
  captureFailed: 'Your camera or microphone could not be opened.',
  retryCapture: 'Try again',
  yourCamera: 'Your camera',
  problem: 'Audio and video problem',
  // Listening
  listenTo: 'Listen to',
  floorOriginal: 'Floor (original)',
  floorVolume: 'Floor volume under the interpretation',
  showSign: 'Show the sign-language interpreter',
  soundOff: 'Sound is off in this browser until you turn it on.',
  turnOnSound: 'Turn on sound',
  youHear: 'You hear',
  hearNothing: 'Nothing yet.',
  channel: (channel: string, language: (code: string) => string) =>
    channelName(channel, language, { floor: 'Floor', sign: 'Sign language', subroom: 'Subroom' }),
  // Stage
  stage: 'Chamber video',
  nobodyOnCamera: 'Nobody is on camera.',
  youOnFloor: 'You (on air)',
  /** `joined` for a member who has not joined the sitting: media flow, but they are not counted present. */
  joinedAbsent: 'You see and hear the chamber, but you have not joined the sitting yet: join to be counted present, to speak and to vote.',
  signInterpreter: 'Sign-language interpreter',
  pin: (name: string) => `Show ${name} large`,
  unpin: 'Back to the floor speaker',
  someone: 'Participant',
};

const de: typeof en = {
  media: 'Ton und Bild',
  status: {
    idle: 'Ton und Bild sind aus.',
    connecting: 'Verbindung zu Ton und Bild des Plenarsaals …',
    joining: 'Ton und Bild werden verbunden …',
    joined: 'Mit Ton und Bild des Plenarsaals verbunden.',
    retrying: 'Die Verbindung ist unterbrochen. Neuer Versuch …',
    refused: 'Ton und Bild des Plenarsaals sind für Sie derzeit nicht offen.',
    replaced: 'Sie haben den Plenarsaal in einem anderen Tab oder Fenster geöffnet; Ton und Bild laufen dort weiter.',
    ended: 'Ton und Bild der Sitzung sind beendet.',
    unavailable: 'Dieser Server bietet keinen Ton und kein Bild.',
  },
  held: {
    no_floor: 'Sie haben nicht das Wort.',
    muted_all: 'Der Vorsitz hat alle Mikrofone stummgeschaltet.',
    muted_by_chair: 'Der Vorsitz hat Ihr Mikrofon stummgeschaltet.',
    self_muted: 'Sie haben sich stummgeschaltet.',
    not_on_air: 'Sie sind nicht auf Sendung.',
    not_allowed: 'Sie dürfen in diesem Kanal nicht sprechen.',
  },
  micLive: 'Ihr Mikrofon ist offen.',
  cameraLive: 'Ihre Kamera ist auf Sendung.',
  cameraHeld: (reason) => `Ihre Kamera wird nicht gezeigt: ${reason}`,
  starting: 'Wird gestartet …',
  notStarted: 'Nicht gestartet.',
  microphone: 'Mikrofon',
  camera: 'Kamera',
  muteMicrophone: 'Mikrofon stummschalten',
  unmuteMicrophone: 'Mikrofon einschalten',
  cameraOff: 'Kamera ausschalten',
  cameraOn: 'Kamera einschalten',
  unnamedDevice: (source, n) => `${source === 'camera' ? 'Kamera' : 'Mikrofon'} ${n}`,
  captureFailed: 'Kamera oder Mikrofon ließen sich nicht öffnen.',
  retryCapture: 'Erneut versuchen',
  yourCamera: 'Ihre Kamera',
  problem: 'Problem mit Ton und Bild',
  listenTo: 'Hören',
  floorOriginal: 'Saal (Originalton)',
  floorVolume: 'Lautstärke des Saals unter der Verdolmetschung',
  showSign: 'Gebärdensprachdolmetschung zeigen',
  soundOff: 'Der Ton ist in diesem Browser aus, bis Sie ihn einschalten.',
  turnOnSound: 'Ton einschalten',
  youHear: 'Sie hören',
  hearNothing: 'Noch nichts.',
  channel: (channel, language) => channelName(channel, language, { floor: 'Saal', sign: 'Gebärdensprache', subroom: 'Beratungsraum' }),
  stage: 'Bild aus dem Plenarsaal',
  nobodyOnCamera: 'Niemand ist im Bild.',
  youOnFloor: 'Sie (auf Sendung)',
  joinedAbsent:
    'Sie sehen und hören den Plenarsaal, sind der Sitzung aber noch nicht beigetreten: Treten Sie bei, um als anwesend zu zählen, zu reden und abzustimmen.',
  signInterpreter: 'Gebärdensprachdolmetschung',
  pin: (name) => `${name} groß zeigen`,
  unpin: 'Zurück zur Rednerin oder zum Redner',
  someone: 'Teilnehmende Person',
};

/** Every label of the chamber's audio and video, in German and English. */
export const mediaText: Translations<typeof en> = { en, de };

export type MediaWords = typeof en;

/** Why one's microphone or camera is held, in words; null when it flows. */
export function heldWords(held: Held | null, words: Pick<MediaWords, 'held'>): string | null {
  return held === null ? null : words.held[held];
}

/**
 * The media status line: true at every state. `present` is null for those who are not counted
 * (interpreters, watchers); for a member who has not joined the sitting, connected media are no
 * "Connected": they are told that they only watch until they join.
 */
export function statusWords(status: MediaStatus, present: boolean | null, words: Pick<MediaWords, 'status' | 'joinedAbsent'>): string {
  return status === 'joined' && present === false ? words.joinedAbsent : words.status[status];
}
