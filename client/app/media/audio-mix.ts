/** A received audio track and the volume to play it at. */
export interface MixInput {
  readonly id: string;
  readonly track: MediaStreamTrack;
  readonly gain: number;
}

interface Channel {
  readonly track: MediaStreamTrack;
  readonly source: MediaStreamAudioSourceNode;
  readonly gain: GainNode;
}

/**
 * The listener's mix in Web Audio: each received track → MediaStreamAudioSourceNode → GainNode →
 * the speakers. The context is made on first use; browsers keep it suspended until the person
 * interacts with the page, so `resume()` is called from a click.
 *
 * NOTE: Chromium plays remote WebRTC audio through Web Audio only while the track is also attached
 * to a media element; AudioSinks keeps a muted <audio> for each one.
 */
export class AudioMix {
  private context: AudioContext | null = null;
  private readonly channels = new Map<string, Channel>();

  constructor(
    private readonly createContext: () => AudioContext = () => new AudioContext(),
    private readonly onState: (running: boolean) => void = () => undefined,
  ) {}

  /** Plays exactly these tracks at these volumes. */
  sync(inputs: readonly MixInput[]): void {
    const wanted = new Set(inputs.map((input) => input.id));
    for (const [id, channel] of this.channels) {
      if (!wanted.has(id)) {
        this.disconnect(channel);
        this.channels.delete(id);
      }
    }
    if (inputs.length === 0) {
      return;
    }
    const context = this.ensureContext();
    for (const input of inputs) {
      let channel = this.channels.get(input.id);
      if (channel !== undefined && channel.track !== input.track) {
        this.disconnect(channel);
        channel = undefined;
      }
      if (channel === undefined) {
        const source = context.createMediaStreamSource(new MediaStream([input.track]));
        const gain = context.createGain();
        gain.gain.value = input.gain;
        source.connect(gain).connect(context.destination);
        this.channels.set(input.id, { track: input.track, source, gain });
      } else if (channel.gain.gain.value !== input.gain) {
        // A short ramp: no click when the slider moves or a language is picked.
        channel.gain.gain.setTargetAtTime(input.gain, context.currentTime, 0.05);
      }
    }
  }

  /** The tracks in the mix now (for specs). */
  get size(): number {
    return this.channels.size;
  }

  get running(): boolean {
    return this.context?.state === 'running';
  }

  /** Starts the sound if a mix exists and waits for a gesture; call it from any user gesture. */
  wake(): void {
    if (this.context !== null && this.context.state !== 'running') {
      void this.context.resume().catch(() => undefined);
    }
  }

  /** Starts the sound; call it from a user gesture. */
  async resume(): Promise<void> {
    await this.ensureContext().resume();
  }

  close(): void {
    for (const channel of this.channels.values()) {
      this.disconnect(channel);
    }
    this.channels.clear();
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }

  private ensureContext(): AudioContext {
    if (this.context === null) {
      const context = this.createContext();
      context.onstatechange = () => this.onState(context.state === 'running');
      this.context = context;
      this.onState(context.state === 'running');
    }
    return this.context;
  }

  private disconnect(channel: Channel): void {
    channel.source.disconnect();
    channel.gain.disconnect();
  }
}
