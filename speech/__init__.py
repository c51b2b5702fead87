"""eldercare-edge: offline speech for the device (no torch, no network).

- speech.audio: read_wav / read_pcm / microphone_chunks -> AudioClip (16 kHz mono int16);
  AudioError for empty, corrupt, truncated or non-WAV input.
- speech.asr: create_recognizer(engine, model, sample_rate) -> Recognizer with
  accept(pcm) -> Partial | None, final() -> Transcript, reset(), stream(chunks);
  transcribe_file / transcribe_clip. Engines: hybrid (the device's default: the
  pocketsphinx domain path answers when sure or on a safety sign, Whisper the rest;
  speech.asr_hybrid), whisper (faster-whisper, base or tiny.en from wheels:
  speech.asr_whisper, speech.whisper_models), pocketsphinx (domain LM), pocketsphinx-general,
  pocketsphinx-open (domain + general fallback), vosk. docs/speech.md.
  Transcript.alternatives: the ASR n-best (pocketsphinx gives 2 by default). The
  pocketsphinx engines set each utterance's cepstral mean from its first 1.5 s
  (cmn_warmup_s) and can keep it across restarts (cmn_file; the device does).
- speech.spoken_intent: spoken_intent(model, transcript) -> SpokenIntent: the 1-best's
  intent, unless an n-best alternative is emergency_help / fall_report (by the model, or
  by plain safety words through the optional safety_phrase rule).
- speech.denoise: SpectralGate (streaming spectral gate; optional, denoise=True).
- speech.endpoint: Endpointer (VAD, 1.0 s trailing silence, max utterance) and listen().
- speech.bargein: BargeIn keyword monitor ("stop" while the device talks).
- speech.tts: Speaker (pyttsx3 over espeak-ng, 140 wpm, volume steps, per sentence, WAV,
  Mandarin, optional Piper voice).
- speech.build_lm: builds speech/models/ (domain LM + dictionary) at build time.
- speech.command_set: the spoken care command set (generated audio of the intent
  sentences) for speech.hypotheses and the spoken benchmarks (bench/speech_commands.py).
- speech.hypotheses: what the recognizer hears for each intent training sentence (k-fold
  domain LMs), for `compress --asr-hypotheses` (build time).
"""
