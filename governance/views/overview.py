from django.shortcuts import render

from governance.selectors.bodies import bodies_with_current_seats


def overview(request):
    bodies = bodies_with_current_seats()
    return render(
        request,
        "governance/overview.html",
        {
            "bodies": bodies,
            "bodies_without_experience_expert": [b for b in bodies if not b.has_experience_expert],
        },
    )
