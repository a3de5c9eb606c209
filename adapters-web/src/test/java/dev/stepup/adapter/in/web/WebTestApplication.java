package dev.stepup.adapter.in.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots just the web adapter for its slice tests. */
@SpringBootApplication
public class WebTestApplication {}
