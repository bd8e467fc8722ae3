package ai.sorot.desktop.queue;

import ai.sorot.model.api.StepState;
import ai.sorot.model.api.StepStatus;
import java.util.ArrayList;
import java.util.List;

/** The five steps of a row as the UI draws them, from the last status or, before one came, from the row state. */
public record StepView(int number, String name, String shortName, StepStatus status, StepState detail) {

    public static List<StepView> of(QueueItem item) {
        var steps = item.stepsProperty().get();
        var state = item.state();
        int current = item.currentStepProperty().get();
        var views = new ArrayList<StepView>(Steps.NAMES.size());
        for (int i = 0; i < Steps.NAMES.size(); i++) {
            int number = i + 1;
            StepState detail = i < steps.size() ? steps.get(i) : null;
            StepStatus status;
            if (detail != null && detail.status() != null) {
                status = detail.status();
            } else if (state == SubmissionState.COMPLETED || state == SubmissionState.FETCHING) {
                status = StepStatus.COMPLETED;
            } else if (current > 0 && number < current) {
                status = StepStatus.COMPLETED;
            } else if (current == number && state == SubmissionState.RUNNING) {
                status = StepStatus.RUNNING;
            } else if (current == number && state == SubmissionState.FAILED) {
                status = StepStatus.FAILED;
            } else {
                status = StepStatus.PENDING;
            }
            var name = detail != null && detail.name() != null ? detail.name() : Steps.NAMES.get(i);
            views.add(new StepView(number, name, Steps.SHORT.get(i), status, detail));
        }
        return views;
    }
}
