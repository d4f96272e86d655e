/// Namespace for the SafeguardStore module; its types arrive with the issue that builds it.
public enum SafeguardStoreModule {}
