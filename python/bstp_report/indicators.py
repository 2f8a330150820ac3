"""What the report calls each indicator, and which ones lead."""
from .i18n import N_

# The key indicators: headline, monthly series, per-country bars and sweep panels.
KEY = ("seized_kg", "seizures", "interdiction_rate", "delivered_kg", "arrests", "violent_incidents",
       "trafficker_profit_usd", "mean_crossing_delay_hours")
SERIES = ("seized_kg", "seizures", "delivered_kg", "violent_incidents")
COUNTRY = ("seized_kg", "seizures", "arrests", "violent_incidents")

LABELS = {
    "shipments": N_("shipments sent"),
    "seizures": N_("seizures"),
    "seized_kg": N_("seized kg"),
    "delivered_kg": N_("delivered kg"),
    "interdiction_rate": N_("interdiction rate"),
    "trafficker_revenue_usd": N_("trafficker revenue"),
    "trafficker_profit_usd": N_("trafficker profit"),
    "arrests": N_("arrests"),
    "violent_incidents": N_("violent incidents"),
    "deaths": N_("deaths"),
    "reported_violence": N_("reported violence"),
    "bribes": N_("bribes taken"),
    "bribes_usd": N_("bribes paid"),
    "officers_trained": N_("officers trained"),
    "training_cost_usd": N_("training cost"),
    "training_cost_per_seizure_usd": N_("training cost per seizure"),
    "cost_per_seizure_usd": N_("training cost per seizure"),  # the name in files written before the cost model
    "legitimate_crossings": N_("legitimate crossings"),
    "mean_queue_wait_hours": N_("mean queue wait"),
    "mean_crossing_delay_hours": N_("mean crossing delay"),
    "p95_crossing_delay_hours": N_("95th percentile crossing delay"),
    "mean_vehicles_in_system": N_("vehicles at checkpoints (mean)"),
    "trade_delay_cost_usd": N_("trade delay cost"),
    "crossings_with_flow": N_("crossings used"),
    "flow_concentration": N_("flow concentration"),
    "patrol_cost_usd": N_("patrol cost"),
    "turned_back": N_("attempts turned back"),
    "got_away": N_("attempts that got away"),
    "undetected": N_("undetected attempts"),
    "detected": N_("attempts detected"),
    "apprehension_rate": N_("apprehension rate"),
    "interdiction_effectiveness_rate": N_("interdiction effectiveness rate"),
    "deterred_shipments": N_("shipments deterred"),
    "route_hours_per_delivered_kg": N_("route hours per delivered kg"),
    "seized_value_usd": N_("value of seized loads (to traffickers)"),
    "purchase_cost_usd": N_("traffickers' purchase cost"),
    "deterred_kg": N_("kg deterred"),
    "diverted_kg": N_("kg diverted to other routes"),
    "mean_route_hours": N_("mean route time"),
    "p_wait_positive": N_("share of vehicles that waited"),
    "p50_queue_wait_hours": N_("median queue wait"),
    "p90_queue_wait_hours": N_("90th percentile queue wait"),
    "contestation_incidents": N_("clashes between trafficking groups"),
    "officer_deaths": N_("officers killed"),
    "trafficker_deaths": N_("traffickers killed"),
    "bystander_deaths": N_("bystanders killed"),
    "protection_usd": N_("protection paid to captured patrols"),
    "captured_units": N_("patrol units captured"),
    "local_jobs": N_("local jobs"),
    "local_income_usd": N_("local income"),
    "courier_wage_usd_paid": N_("courier pay per trip"),
    "observed_method_use": N_("method use (observed)"),
    "true_method_use": N_("method use (true)"),
    "officer_days_in_class": N_("officer-days in class"),
    "backfill_cost_usd": N_("backfill of officers in class"),
    "checkpoint_cost_usd": N_("checkpoint cost"),
    "joint_patrol_cost_usd": N_("joint patrol cost"),
    "information_sharing_cost_usd": N_("information sharing cost"),
    "hot_pursuit_cost_usd": N_("hot pursuit cost"),
    "joint_exercise_cost_usd": N_("joint exercise cost"),
    "observer_cost_usd": N_("observer cost"),
    "jobs_program_cost_usd": N_("jobs programme cost"),
    "programme_cost_usd": N_("programme cost"),
    "over_budget": N_("over budget"),
    "mean_load_kg": N_("mean load per shipment"),
    "loads_per_candidate": N_("loads per candidate shipment"),
    "resistance_propensity": N_("couriers' propensity to fight"),
    "collusive_captures": N_("patrol units bought (collusion)"),
    "coercive_captures": N_("patrol units coerced (plata o plomo)"),
    "captured_unit_months": N_("unit-months captured"),
    "coercion_attacks": N_("attacks on officers who refused"),
    "pay_raise_cost_usd": N_("officer pay raise cost"),
    "rotation_cost_usd": N_("officer rotation cost"),
    "committee_cost_usd": N_("community committee cost"),
}


def label(name, _):
    """The translated label of an indicator (its file name when the report does not know it)."""
    return _(LABELS[name]) if name in LABELS else name.replace("_", " ")


def unit(attrs):
    """The unit word of an indicator's attributes (format 2 keeps it apart from CF's units)."""
    for key in ("display_units", "unit_word", "bstp_units", "units"):
        if key in attrs:
            return str(attrs[key])
    return ""
