import type { CaptureSource } from './own-media';

/** A microphone or camera the person can pick. */
export interface DeviceOption {
  readonly deviceId: string;
  readonly label: string;
}

export interface DeviceLists {
  readonly microphone: readonly DeviceOption[];
  readonly camera: readonly DeviceOption[];
}

/** Camera capture: enough for the large picture's top simulcast layer, light enough for a laptop. */
const cameraConstraints: MediaTrackConstraints = { width: { ideal: 960 }, height: { ideal: 540 }, frameRate: { ideal: 20 } };
const microphoneConstraints: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

/** The constraints to open a source with, on a chosen device or the default one. */
export function captureConstraints(source: CaptureSource, deviceId: string | null): MediaStreamConstraints {
  const base = source === 'camera' ? cameraConstraints : microphoneConstraints;
  const track = deviceId === null ? base : { ...base, deviceId: { exact: deviceId } };
  return source === 'camera' ? { video: track } : { audio: track };
}

/** The inputs of each kind; a device without a label (before permission) gets a numbered one. */
export function deviceLists(devices: readonly MediaDeviceInfo[], unnamed: (source: CaptureSource, n: number) => string): DeviceLists {
  const of = (kind: MediaDeviceKind, source: CaptureSource) =>
    devices
      .filter((device) => device.kind === kind && device.deviceId !== '')
      .map((device, index) => ({ deviceId: device.deviceId, label: device.label || unnamed(source, index + 1) }));
  return { microphone: of('audioinput', 'microphone'), camera: of('videoinput', 'camera') };
}

/** Opens microphones and cameras and lists them, through the browser's media devices. */
export class LocalCapture {
  constructor(private readonly devices: MediaDevices | undefined) {}

  async open(source: CaptureSource, deviceId: string | null): Promise<MediaStreamTrack> {
    if (this.devices === undefined) {
      throw new Error('This browser gives no access to microphones and cameras (a secure origin is needed).');
    }
    const stream = await this.devices.getUserMedia(captureConstraints(source, deviceId));
    const [track] = source === 'camera' ? stream.getVideoTracks() : stream.getAudioTracks();
    if (track === undefined) {
      throw new Error(`no ${source} track`);
    }
    return track;
  }

  async list(unnamed: (source: CaptureSource, n: number) => string): Promise<DeviceLists> {
    return deviceLists((await this.devices?.enumerateDevices()) ?? [], unnamed);
  }

  /** Calls back when a device is plugged in or out; returns what stops listening. */
  watch(changed: () => void): () => void {
    this.devices?.addEventListener('devicechange', changed);
    return () => this.devices?.removeEventListener('devicechange', changed);
  }
}
