# Filled in by the quickscan work of issue 3.
urlpatterns = []
