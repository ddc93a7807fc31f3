#!/usr/bin/env python3
"""The platform depends on no feature: no file under Sources/App/Platform names a type declared
under Sources/App/Features, nor an address a feature declares (`SiteURL.workbench`,
`.api(.applications)`). Prints each offence as path:line: Name and exits 1 when there is one."""
import pathlib, re, sys

root = pathlib.Path(__file__).resolve().parent.parent / "Sources" / "App"
declaration = re.compile(r"^(?:(?:public|internal|fileprivate|private|final|indirect|nonisolated)\s+)*"
                         r"(?:struct|class|enum|actor|protocol|typealias)\s+([A-Z][A-Za-z0-9_]*)", re.M)
names = {}
for path in (root / "Features").rglob("*.swift"):
    for name in declaration.findall(path.read_text(encoding="utf-8")):
        names.setdefault(name, path.relative_to(root))

address = re.compile(r"static (?:let|func) (\w+)")
addresses = {}
for path in (root / "Features").rglob("*URLs.swift"):
    for name in address.findall(path.read_text(encoding="utf-8")):
        addresses.setdefault(name, path.relative_to(root))

def code(line):
    line = re.sub(r'"(?:\\.|[^"\\])*"', '""', line)  # strings
    return line.split("//", 1)[0]                      # comments

offences = []
for path in sorted((root / "Platform").rglob("*.swift")):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for word in set(re.findall(r"\b[A-Z][A-Za-z0-9_]*\b", code(line))):
            if word in names:
                offences.append(f"{path.relative_to(root)}:{number}: {word} (declared in {names[word]})")
        for word in set(re.findall(r"(?:SiteURL|APIPath)\.(\w+)", code(line)) + re.findall(r"\.api\(\.(\w+)", code(line))):
            if word in addresses:
                offences.append(f"{path.relative_to(root)}:{number}: address {word} (declared in {addresses[word]})")
for offence in offences:
    print(offence)
print(f"platform check: {len(offences)} reference(s) from Platform/ to a feature's types or addresses", file=sys.stderr)
sys.exit(1 if offences else 0)
