/// Namespace for the SafeguardReports module; its types arrive with the issue that builds it.
public enum SafeguardReportsModule {}
