package org.segue.launcher;

import java.util.List;

/** What one command did: its exit status and what it printed. */
record Outcome(int status, String out, String err) {

    List<String> errLines() {
        return err.lines().toList();
    }
}
