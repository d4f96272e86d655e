/// Namespace for the SafeguardRules module; its types arrive with the issue that builds it.
public enum SafeguardRulesModule {}
