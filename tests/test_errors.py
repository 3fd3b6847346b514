"""The catalogue of numbered errors and warnings: unique, ordered, in their ranges, all in use."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kgextract import errors

SOURCE = Path(errors.__file__)
PACKAGE = SOURCE.parent
RANGE = re.compile(r"#\s*([EW])(\d{3})-[EW](\d{3})")


def catalogue(name: str) -> list[tuple[str, tuple[int, int] | None]]:
    """(code, the range of the section comment above it) in file order."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    cls = next(node for node in ast.parse(SOURCE.read_text(encoding="utf-8")).body
               if isinstance(node, ast.ClassDef) and node.name == name)
    out, section = [], None
    assigns = {node.lineno: node.targets[0].id for node in cls.body if isinstance(node, ast.Assign)}
    for number in range(cls.lineno, cls.end_lineno + 1):
        found = RANGE.search(lines[number - 1])
        if found:
            section = (int(found.group(2)), int(found.group(3)))
        if number in assigns:
            out.append((assigns[number], section))
    return out


@pytest.mark.parametrize("name", ["Errors", "Warnings"])
def test_codes_are_unique_and_ordered(name):
    codes = [code for code, _ in catalogue(name)]
    assert len(codes) == len(set(codes)), "a code defined twice silently replaces the first"
    assert codes == sorted(codes)
    assert all(re.fullmatch(rf"{name[0]}\d{{3}}", code) for code in codes)


@pytest.mark.parametrize("name", ["Errors", "Warnings"])
def test_codes_sit_in_the_range_of_their_section(name):
    for code, section in catalogue(name):
        if section is not None:
            assert section[0] <= int(code[1:]) <= section[1], code


@pytest.mark.parametrize("name", ["Errors", "Warnings"])
def test_every_code_is_raised_somewhere(name):
    code_text = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if p != SOURCE)
    unused = [code for code, _ in catalogue(name) if not re.search(rf"\b{code}\b", code_text)]
    assert unused == []


@pytest.mark.parametrize("name", ["Errors", "Warnings"])
def test_every_message_names_its_code_and_ends_a_sentence(name):
    cls = getattr(errors, name)
    for code, _ in catalogue(name):
        message = getattr(cls, code)
        assert message.startswith(f"[{code}] ") and message.rstrip().endswith((".", ")")), code
