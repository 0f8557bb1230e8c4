#!/usr/bin/env python3
"""Lists and fills unfinished entries of a Qt .ts file.

  ts-todo.py list FILE.ts             unfinished entries as JSON: [{"context", "source"}]
  ts-todo.py apply FILE.ts MAP.json   fills entries from MAP.json, a list of
                                      {"context" (optional), "source", "translation"}

After `apply`, run `cmake --build build --target refresh_translations` so lupdate writes the
file in its own layout (the translations test compares against that layout).
"""
import json
import sys
import xml.etree.ElementTree as ET


def unfinished(root):
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is not None and tr.get("type") == "unfinished":
                yield name, message, tr


def main(argv):
    if len(argv) < 3 or argv[1] not in ("list", "apply"):
        print(__doc__, file=sys.stderr)
        return 2
    tree = ET.parse(argv[2])
    root = tree.getroot()
    if argv[1] == "list":
        todo = [{"context": c, "source": m.findtext("source")} for c, m, _ in unfinished(root)]
        json.dump(todo, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    with open(argv[3], encoding="utf-8") as f:
        entries = json.load(f)
    by_key = {(e.get("context"), e["source"]): e["translation"] for e in entries}
    filled = missing = 0
    for context, message, tr in unfinished(root):
        source = message.findtext("source")
        text = by_key.get((context, source), by_key.get((None, source)))
        if text is None:
            missing += 1
            continue
        if isinstance(text, list):
            # A plural message: one string per numerus form, in the file's order.
            forms = tr.findall("numerusform")
            if len(forms) != len(text):
                missing += 1
                continue
            for form, value in zip(forms, text):
                form.text = value
        else:
            tr.text = text
        del tr.attrib["type"]
        filled += 1
    tree.write(argv[2], encoding="utf-8", xml_declaration=True)
    print(f"filled {filled}, still unfinished {missing}", file=sys.stderr)
    return 0 if missing == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
