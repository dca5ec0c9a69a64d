package io.tranche.core.project;

/** What is being built; it decides which kinds of preview fit (hosted site, licensed build, …). */
public enum ProjectType {
  WEB,
  DESKTOP,
  OTHER
}
