"""The Dutch syntactic layer: a tagger, lemmatizer and dependency parser the project trains and
ships (``model/``), trained from the Universal Dependencies Dutch treebanks (see ``README.md``)."""
