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

# What each genre is about, in our own words: the overview gives an embedding model more than a list of labels.
THEMES = {
    "Action": "chases, fights and explosive set pieces",
    "Adventure": "a journey, a quest and faraway places",
    "Animation": "an animated world of colourful characters",
    "Biography": "the true story of a real person's life",
    "Comedy": "jokes, mishaps and light-hearted fun",
    "Crime": "criminals, heists and the detectives who chase them",
    "Dance": "dancers, rhythm and the big performance",
    "Disaster": "catastrophe, survival and rescue",
    "Documentary": "real events and real people, told as they happened",
    "Drama": "people facing hard choices and changing relationships",
    "Erotic": "desire and seduction",
    "Family": "a story the whole family can enjoy together",
    "Fantasy": "magic, myths and enchanted realms",
    "Film Noir": "shadows, cynical detectives and fatal attractions",
    "Found Footage": "events told through recovered camera footage",
    "Historical": "events of the past brought back to life",
    "Horror": "fear, dread and things that go bump in the night",
    "Legal": "lawyers, trials and the courtroom",
    "Martial Arts": "kung fu, fighting skill and honour",
    "Musical": "song, dance and music",
    "Mystery": "clues, secrets and a puzzle to solve",
    "Political": "power, elections and government intrigue",
    "Romance": "falling in love and matters of the heart",
    "Satire": "sharp mockery of society and power",
    "Science Fiction": "future technology, space travel and strange new worlds",
    "Slasher": "a masked killer stalking victims one by one",
    "Sport": "athletes, teams and the big game",
    "Sports": "athletes, teams and the big game",
    "Spy": "secret agents, espionage and hidden identities",
    "Superhero": "heroes with extraordinary powers saving the world",
    "Supernatural": "ghosts, curses and forces beyond nature",
    "Suspense": "tension that builds to the final reveal",
    "Teen": "high school, growing up and first experiences",
    "Thriller": "suspense, danger and a race against time",
    "War": "soldiers, battles and the cost of war",
    "Western": "cowboys, outlaws and the frontier",
}

def article(word):
    return "An" if word[0].lower() in "aeiou" else "A"

def overview(genres):
    """Two short sentences written from facts alone: the kind of film, and what its first two genres are about.
    The cast is left out: the text embedded for a movie lists its actors already."""
    kind = " ".join(g.lower() for g in genres[:2]) if genres else "feature"
    text = f"{article(kind)} {kind} film"
    themes = [THEMES[g] for g in genres[:2] if g in THEMES]
    if themes:
        text += ". Expect " + themes[0] + (f", with {themes[1]}" if len(themes) > 1 else "")
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
                "overview": overview(genres),
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
