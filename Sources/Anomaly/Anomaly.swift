// Anomaly: placeholder until its issue lands; replaced by the real library.
public enum AnomalyLibrary {}
