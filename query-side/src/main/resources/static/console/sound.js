// An audible alarm made with the Web Audio API: no audio file to download, nothing from outside the server.
// Browsers only let a page make sound after the user did something on it, so the AudioContext is created when the
// dispatcher switches sound on.

let context = null;
let enabled = false;

export function setSoundEnabled(on) {
  enabled = on;
  if (on) {
    context ??= new AudioContext();
    context.resume();
  }
}

export function soundEnabled() {
  return enabled;
}

/** Two short, harsh tones: distinct from the ordinary chimes of the other software in the room. */
export function alarm() {
  if (!enabled || !context) {
    return;
  }
  const start = context.currentTime;
  [0, 0.25].forEach((offset, i) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = i === 0 ? 880 : 660;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.2);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.22);
  });
}
