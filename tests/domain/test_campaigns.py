from datetime import UTC, datetime, timedelta

from jun_desk.domain.campaigns import detect_campaigns

T0 = datetime(2026, 11, 24, 19, 0, tzinfo=UTC)


def test_a_spike_is_one_incident() -> None:
    spike = [(T0 + timedelta(minutes=n * 0.5), f"u{n % 40}", "sin luz #EndesaMeEstresa")
             for n in range(110)]
    noise = [(T0 - timedelta(hours=5, minutes=n * 20), "u1", "#Jun fiestas") for n in range(10)]
    (campaign,) = detect_campaigns(spike + noise)
    assert campaign.hashtag == "EndesaMeEstresa"
    assert campaign.mentions == 110 and campaign.authors == 40
    assert campaign.peak_per_hour == 110
    assert campaign.start == T0 and campaign.end == T0 + timedelta(minutes=54.5)


def test_spellings_are_one_tag_and_a_quiet_gap_splits_incidents() -> None:
    first = [(T0 + timedelta(minutes=n), "a",
              "#endesameestresa" if n % 2 else "#EndesaMeEstresa")
             for n in range(25)]
    later = [(T0 + timedelta(hours=5, minutes=n), "b", "#EndesaMeEstresa") for n in range(25)]
    campaigns = detect_campaigns(first + later)
    assert len(campaigns) == 2
    assert campaigns[0].start > campaigns[1].start  # newest first


def test_a_slow_trickle_is_no_campaign() -> None:
    trickle = [(T0 + timedelta(minutes=10 * n), "a", "#Baches") for n in range(40)]
    assert detect_campaigns(trickle) == []
