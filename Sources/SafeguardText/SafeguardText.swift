/// Namespace for the SafeguardText module; its types arrive with the issue that builds it.
public enum SafeguardTextModule {}
