package io.tranche.app.project;

/** A project as its pages show it (with its contacts), and where it stands as a whole. */
public record ProjectOverview(ProjectView project, ProjectStage stage) {}
