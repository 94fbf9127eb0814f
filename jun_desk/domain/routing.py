"""Which messages triage routes by itself (issue 26): the town's routing policy.

A model carries two confidence thresholds, both calibrated on held-out training answers
(``training.calibrate``, kept in its meta under ``calibration.routing``):

* the **routing threshold**: the answers at or above it are right at least 97 % of the
  time. Below it the message waits "sin clasificar" and the card offers the two most
  likely departments (``RoutingPolicy.SAFE``, the default);
* the **"sin clasificar" threshold**: below it the answers are right at most 40 % of the
  time, so only those wait for a person; everything else goes to the most likely
  department, right less often (``RoutingPolicy.ALWAYS``, the desk before issue 26).

A supervisor chooses the policy for the whole desk (``services.triage_routing``); it applies
to messages triaged from then on.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jun_desk.domain.classifier import LinearModel


class RoutingPolicy(StrEnum):
    SAFE = "safe"  # only when it is safe: the answers routed are right 97 % of the time
    ALWAYS = "always"  # always the most likely department (down to "sin clasificar")


DEFAULT_POLICY = RoutingPolicy.SAFE

# The meta keys, inside ``calibration.routing``, of the two thresholds.
ROUTING_AT = "threshold"  # the routing threshold (97 % right), applied or not
UNCLASSIFIED_AT = "unclassified"  # the "sin clasificar" threshold (40 % right below)


def routing_meta(model: LinearModel) -> Mapping[str, Any]:
    """``calibration.routing`` of a model's meta (empty when it has none)."""
    calibration = model.meta.get("calibration")
    routing = calibration.get("routing") if isinstance(calibration, dict) else None
    return routing if isinstance(routing, dict) else {}


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) \
        and not isinstance(value, bool) else None


def routing_threshold_of(model: LinearModel) -> float | None:
    """The routing threshold a model was calibrated for (``calibrate``), applied or not."""
    return _number(routing_meta(model).get(ROUTING_AT))


def threshold_for(model: LinearModel, policy: RoutingPolicy) -> float:
    """The confidence below which a message waits "sin clasificar" under ``policy``. A model
    calibrated without the routing figures has one threshold, used for both; one calibrated
    before the "sin clasificar" threshold was recorded beside the routing one (routing not
    applied) has it as its own threshold."""
    routing = routing_meta(model)
    lower = _number(routing.get(UNCLASSIFIED_AT))
    if lower is None:
        lower = model.threshold
    if policy is RoutingPolicy.ALWAYS:
        return lower
    at = _number(routing.get(ROUTING_AT))
    # Never routing more than "always" would (a routing threshold read on too few answers).
    return model.threshold if at is None else max(at, lower)


__all__ = ["DEFAULT_POLICY", "ROUTING_AT", "UNCLASSIFIED_AT", "RoutingPolicy",
           "routing_meta", "routing_threshold_of", "threshold_for"]
