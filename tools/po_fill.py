"""Fill empty or fuzzy entries of a gettext catalogue from another one, in place.

    python tools/po_fill.py locale/kk/LC_MESSAGES/django.po translations.po

Only entries whose msgid (and msgctxt) match are touched; the file's layout,
header and order stay as `makemessages` wrote them (small diffs, easy merges).
"""

import re
import sys


def _unquote(lines):
    return "".join(
        bytes(line[line.index('"') + 1 : line.rindex('"')], "utf-8")
        .decode("unicode_escape")
        .encode("latin-1")
        .decode("utf-8")
        for line in lines
    )


def _fields(block):
    """{keyword: text} of one entry, e.g. {"msgid": ..., "msgstr[0]": ...}."""
    fields, key = {}, None
    for line in block:
        if line.startswith("#"):
            continue
        match = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) ", line)
        if match:
            key = match.group(1)
            fields[key] = [line]
        elif key and line.startswith('"'):
            fields[key].append(line)
    return {key: _unquote(lines) for key, lines in fields.items()}


def _quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def read(path):
    with open(path, encoding="utf-8") as file:
        return file.read().split("\n\n")


def main(target, source):
    known = {}
    for block in read(source):
        fields = _fields(block.splitlines())
        if fields.get("msgid"):
            known[(fields.get("msgctxt"), fields["msgid"])] = fields
    blocks = read(target)
    for index, block in enumerate(blocks):
        lines = block.splitlines()
        fields = _fields(lines)
        if not fields.get("msgid"):
            continue
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        empty = not any(value for key, value in fields.items() if key.startswith("msgstr"))
        found = known.get((fields.get("msgctxt"), fields["msgid"]))
        if not (fuzzy or empty) or not found:
            continue
        kept = []
        for line in lines:
            if line.startswith("#,"):
                flags = [flag.strip() for flag in line[2:].split(",") if flag.strip() != "fuzzy"]
                if flags:
                    kept.append("#, " + ", ".join(flags))
            elif (
                line.startswith("#|")
                or line.startswith("msgstr")
                or (
                    line.startswith('"')
                    and kept
                    and kept[-1].startswith(("msgstr", '"'))
                    and any(k.startswith("msgstr") for k in [kept[-1].split(" ")[0]])
                )
            ):
                continue
            else:
                kept.append(line)
        # Drop the old msgstr lines (and their continuation lines), then add ours.
        result, in_msgstr = [], False
        for line in kept:
            if line.startswith("msgstr"):
                in_msgstr = True
                continue
            if in_msgstr and line.startswith('"'):
                continue
            in_msgstr = False
            result.append(line)
        for key in sorted(k for k in found if k.startswith("msgstr")):
            result.append(f"{key} {_quote(found[key])}")
        blocks[index] = "\n".join(result)
    with open(target, "w", encoding="utf-8") as file:
        file.write("\n\n".join(blocks))


if __name__ == "__main__":
    main(*sys.argv[1:])
