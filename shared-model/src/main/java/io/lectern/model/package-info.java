/**
 * The wire model of the Lectern HTTP API: records both the server and the desktop client speak.
 * Nothing here depends on a framework beyond Jackson annotations.
 */
package io.lectern.model;
