package io.harakalint.model;

import io.harakalint.text.Span;

/** A typed value and where it came from. */
public record Located<T>(T value, Span span) {}
