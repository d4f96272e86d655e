/// Namespace for the SafeguardCorpus module; its types arrive with the issue that builds it.
public enum SafeguardCorpusModule {}
