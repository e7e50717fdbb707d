"""spaCy's AttributeRuler with the same output, found by dictionary look-ups instead of a Matcher.

The English models' attribute ruler holds ~180 patterns (the old tag map and morph rules: one
token with a TAG, LOWER+TAG or DEP+LOWER) that set POS, MORPH and LEMMA; run through spaCy's
Matcher, and then a Span and a `set_token_attrs` call per match, it costs as much as the
parser. Here the ruler's own patterns (read from the loaded ruler, never copied) are compiled:

- each pattern token becomes equality tests (looked up in a dict keyed by the tested values),
  plus IN / NOT_IN / REGEX tests checked once per distinct combination of token values;
- a multi-token pattern of fixed length is checked at the tokens where its first token matched;
- any other pattern shape (operators, extensions, other predicates or attributes) is left to a
  Matcher holding only those patterns, whose matches join the others.

spaCy sorts all matches by pattern number and applies them in that order, so for every token
and attribute the highest-numbered matching pattern wins; matching reads the annotation as it
was before the ruler. The same fold is done here per token and written in one `Doc.from_array`.
If the ruler sets anything but the token fields below, `can_replace` says no and the caller
keeps spaCy's ruler.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

FACTORY = "newsfuse_fast_attribute_ruler"
# What a pattern may set: plain fields of the token that `set_token_attrs` assigns to the token
# alone (none is a lexeme field), so the last value written is the whole effect.
_SETTABLE = (POS, TAG, MORPH, LEMMA, DEP)
# What a pattern token may test: attributes `Doc.to_array` reads exactly as the Matcher does
# (not SENT_START, which the Matcher reads as a flag, nor POS/MORPH, whose strings it maps).
_STRING_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG,
                 "DEP": DEP, "LEMMA": LEMMA}
_FLAG_ATTRS = {"IS_SPACE": IS_SPACE}
# Distinct token value combinations remembered; past this the memo starts over, so a
# long-running process holds bounded memory (a news batch has a few tens of thousands).
_MEMO_LIMIT = 200_000

Row = tuple[int, ...]


@dataclass(frozen=True)
class _Token:
    """One pattern token: equality, set and regex tests over the columns of `_Compiled.columns`."""

    equal: tuple[tuple[int, int], ...]  # (column, value), sorted by column
    sets: tuple[tuple[int, frozenset[int], bool], ...] = ()  # (column, values, must be in)
    regexes: tuple[tuple[int, re.Pattern[str]], ...] = ()

    def rest_holds(self, row: Row, strings: Any) -> bool:
        """The tests the dict look-up did not make."""
        for column, values, inside in self.sets:
            if (row[column] in values) != inside:
                return False
        return all(regex.search(strings[row[column]]) for column, regex in self.regexes)


@dataclass
class _Compiled:
    columns: list[int] = field(default_factory=list)  # attribute ids read per token
    tokens: list[_Token] = field(default_factory=list)
    # per set of equality columns: values -> the ids of pattern tokens with those values
    index: dict[tuple[int, ...], dict[tuple[int, ...], list[int]]] = field(default_factory=dict)
    single: dict[int, int] = field(default_factory=dict)  # pattern token id -> rule number
    # (rule number, pattern token ids, index of the token the rule sets)
    multi: list[tuple[int, tuple[int, ...], int]] = field(default_factory=list)


class _Match(NamedTuple):
    """What matches one token."""

    rules: tuple[int, ...]  # rules of its one-token patterns, in order
    tokens: frozenset[int]  # ids of the pattern tokens it matches
    starts: tuple[int, ...]  # multi-token patterns (indices in `_Compiled.multi`) it may start


def _column(compiled: _Compiled, attr: int) -> int:
    if attr not in compiled.columns:
        compiled.columns.append(attr)
    return compiled.columns.index(attr)


def _token_tests(spec: dict, compiled: _Compiled, vocab: Vocab) -> _Token | None:
    """The tests of one pattern token, or None for a shape left to the Matcher."""
    equal, sets, regexes = [], [], []
    for name, value in spec.items():
        key = name.upper() if isinstance(name, str) else None
        if key in _FLAG_ATTRS and isinstance(value, bool):
            equal.append((_column(compiled, _FLAG_ATTRS[key]), int(value)))
        elif key not in _STRING_ATTRS:
            return None
        elif isinstance(value, str):  # the Matcher's own conversion of a value
            equal.append((_column(compiled, _STRING_ATTRS[key]), vocab.strings.add(value)))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), column = next(iter(value.items())), _column(compiled, _STRING_ATTRS[key])
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(
                    isinstance(v, str) for v in arg):
                sets.append((column, frozenset(get_string_id(v) for v in arg), op == "IN"))
            elif op == "REGEX" and isinstance(arg, str):
                regexes.append((column, re.compile(arg)))
            else:
                return None
        else:
            return None
    return _Token(tuple(sorted(equal)), tuple(sets), tuple(regexes))


def _add_pattern(pattern: list[dict], rule: int, index: int, compiled: _Compiled,
                 vocab: Vocab) -> bool:
    """Compile one pattern of rule `rule`; False if its shape is left to the Matcher."""
    if not pattern or not -len(pattern) <= index < len(pattern):
        return False
    tests = [_token_tests(spec, compiled, vocab) for spec in pattern]
    if any(t is None for t in tests):
        return False
    ids = []
    for token in tests:
        ids.append(len(compiled.tokens))
        compiled.tokens.append(token)
        columns = tuple(c for c, _ in token.equal)
        values = tuple(v for _, v in token.equal)
        compiled.index.setdefault(columns, {}).setdefault(values, []).append(ids[-1])
    if len(ids) == 1:
        compiled.single[ids[0]] = rule
    else:
        compiled.multi.append((rule, tuple(ids), index % len(ids)))
    return True


class FastAttributeRuler:
    """Pipeline component doing what an AttributeRuler does, once given its rules by `compile`."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.attrs: list[dict] = []
        self.compiled = _Compiled()
        self.rest = Matcher(vocab)  # patterns of a shape not compiled
        self.rest_index: dict[int, int] = {}
        self.rest_keys: dict[int, int] = {}
        self._matched: dict[Row, _Match] = {}
        self._folded: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}

    def compile(self, ruler: AttributeRuler) -> None:
        """Take over `ruler`'s rules (see `can_replace`)."""
        self.attrs = [dict(a) for a in ruler.attrs]  # normalised values, as spaCy writes them
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if not _add_pattern(pattern, rule, entry["index"], self.compiled, self.vocab):
                    self.rest.add(str(rule), [pattern])
                    self.rest_index[rule] = entry["index"]
        self.rest_keys = {self.vocab.strings[str(r)]: r for r in self.rest_index}
        self._matched.clear()
        self._folded.clear()

    def _match_row(self, row: Row) -> _Match:
        """What matches a token with the values `row`, remembered per distinct row."""
        found = self._matched.get(row)
        if found is None:
            if len(self._matched) >= _MEMO_LIMIT:
                self._matched.clear()
            compiled, strings, ids = self.compiled, self.vocab.strings, set()
            for columns, table in compiled.index.items():
                for token_id in table.get(tuple(row[c] for c in columns), ()):
                    if compiled.tokens[token_id].rest_holds(row, strings):
                        ids.add(token_id)
            found = self._matched[row] = _Match(
                tuple(sorted({compiled.single[i] for i in ids if i in compiled.single})),
                frozenset(ids),
                tuple(n for n, (_, first, _) in enumerate(compiled.multi) if first[0] in ids))
        return found

    def _fold(self, rules: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """(column of `_SETTABLE`, value) after applying `rules` in order: the last one wins."""
        folded = self._folded.get(rules)
        if folded is None:
            final: dict[int, int] = {}
            for rule in rules:
                final.update(self.attrs[rule])
            folded = self._folded[rules] = tuple((_SETTABLE.index(a), v) for a, v in final.items())
        return folded

    def _extra_rules(self, doc: Doc, rows: list[_Match]) -> dict[int, set[int]]:
        """Token position -> rules of its multi-token and Matcher-left patterns."""
        extra: dict[int, set[int]] = {}
        for start, row in enumerate(rows):
            for n in row.starts:  # multi-token patterns whose first token matches here
                rule, ids, index = self.compiled.multi[n]
                if start + len(ids) <= len(rows) and all(
                        i in rows[start + k].tokens for k, i in enumerate(ids[1:], 1)):
                    extra.setdefault(start + index, set()).add(rule)
        if self.rest_index:
            for key, start, end in self.rest(doc, allow_missing=True):
                rule = self.rest_keys[key]
                index = self.rest_index[rule]
                if not -(end - start) <= index < end - start:
                    raise ValueError(f"attribute rule {rule}: index {index} outside its match")
                extra.setdefault((start if index >= 0 else end) + index, set()).add(rule)
        return extra

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # (one column gives a flat array: reshaped to one row per token)
        read = doc.to_array(self.compiled.columns or [ORTH]).reshape(len(doc), -1)
        rows = [self._match_row(tuple(r)) for r in read.tolist()]
        extra = self._extra_rules(doc, rows)
        values = doc.to_array(list(_SETTABLE)).tolist()
        for i, row in enumerate(rows):
            rules = row.rules
            if i in extra:
                rules = tuple(sorted(extra[i].union(rules)))
            for column, value in self._fold(rules):
                values[i][column] = value
        doc.from_array(list(_SETTABLE), np.array(values, dtype=np.uint64))
        return doc


def can_replace(ruler: AttributeRuler) -> bool:
    """Whether every rule of `ruler` sets only `_SETTABLE` fields, which the fold reproduces."""
    return not any(set(attrs) - set(_SETTABLE) for attrs in ruler.attrs)


@Language.factory(FACTORY)
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.vocab)
