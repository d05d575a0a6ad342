#!/usr/bin/env python3
"""Builds demo-catalogue.json, the demo's bundled movie catalogue, from ../shared/data/wikipedia-movies.

Only facts are kept (title, year, genres, cast). The Wikipedia plot extracts are NOT shipped (their licence
would require attribution and share-alike for the file); a short overview is written from the facts instead.
The output is deterministic: run it again and the file does not change.

Usage: python3 build-demo-catalogue.py [path/to/wikipedia-movies] > demo-catalogue.json
"""
import json
import re
import sys
from pathlib import Path

SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[4] / "shared/data/wikipedia-movies"
FILES = ["movies-1990s.json", "movies-2010s.json", "movies-2020s.json"]

# Wikipedia genre labels → the names media servers use.
GENRE_NAMES = {"Science Fiction": "Science Fiction", "Animated": "Animation", "Noir": "Film Noir"}
SKIPPED_GENRES = {"Live Action", "Short", "Silent", "Independent", "Performance"}

NAME = re.compile(r"^[A-Z][\w.'\- ]+$")

def clean_cast(cast):
    """Keeps entries that look like people's names (the source lists have stray fragments such as ')')."""
    seen, people = set(), []
    for entry in cast:
        name = entry.strip()
        if NAME.match(name) and len(name.split()) >= 2 and name not in seen:
            seen.add(name)
            people.append(name)
    return people[:8]

def article(word):
    return "An" if word[0].lower() in "aeiou" else "A"

def overview(title, year, genres, cast):
    """A one-sentence summary written from facts alone."""
    kind = " ".join(g.lower() for g in genres[:2]) if genres else "feature"
    text = f"{article(kind)} {kind} film from {year}"
    if len(cast) >= 3:
        text += f" starring {cast[0]}, {cast[1]} and {cast[2]}"
    elif len(cast) == 2:
        text += f" starring {cast[0]} and {cast[1]}"
    elif len(cast) == 1:
        text += f" starring {cast[0]}"
    return text + "."

def main():
    movies, seen = [], set()
    for name in FILES:
        for record in json.loads((SOURCE / name).read_text(encoding="utf-8")):
            genres = []
            for genre in record.get("genres") or []:
                if genre in SKIPPED_GENRES:
                    continue
                genre = GENRE_NAMES.get(genre, genre)
                if genre not in genres:
                    genres.append(genre)
            title, year = record["title"].strip(), record["year"]
            key = (title.lower(), year)
            if not genres or not title or key in seen:
                continue
            seen.add(key)
            cast = clean_cast(record.get("cast") or [])
            movies.append({
                "title": title,
                "year": year,
                "genres": genres,
                "cast": cast,
                "overview": overview(title, year, genres, cast),
                # How well documented the film is (cast listed, article present): the demo's popularity proxy.
                "prominence": len(cast) + (3 if record.get("extract") else 0) + (2 if record.get("thumbnail") else 0),
            })
    movies.sort(key=lambda m: (m["year"], m["title"].lower()))
    out = sys.stdout
    out.write("[\n")
    for i, movie in enumerate(movies):
        out.write(json.dumps(movie, ensure_ascii=False, separators=(",", ":")))
        out.write(",\n" if i + 1 < len(movies) else "\n")
    out.write("]\n")

if __name__ == "__main__":
    main()
